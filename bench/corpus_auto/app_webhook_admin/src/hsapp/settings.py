import os

APP_ID = int(os.environ.get("HUBSPOT_APP_ID", "0"))
DEVELOPER_API_KEY = os.environ.get("HUBSPOT_DEVELOPER_API_KEY")
TARGET_URL = os.environ.get("WEBHOOK_TARGET_URL", "https://hooks.example.com/hubspot")
# the portal we test the app in (sandbox)
TEST_PORTAL_KEY = os.environ.get("HUBSPOT_TEST_PORTAL_KEY")
