import os

APP_ID = int(os.environ.get("HUBSPOT_APP_ID", "180233"))
DEVELOPER_API_KEY = os.environ["HUBSPOT_DEVELOPER_KEY"]
PORTAL_API_KEY = os.environ["HUBSPOT_API_KEY"]
WEBHOOK_TARGET = os.environ.get("WEBHOOK_TARGET", "https://app.example.com/hubspot/webhooks")
