import os

HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
HUBSPOT_DEVELOPER_KEY = os.getenv("HUBSPOT_DEVELOPER_KEY")
HUBSPOT_APP_ID = os.getenv("HUBSPOT_APP_ID")
HUBSPOT_USER_ID = os.getenv("HUBSPOT_USER_ID", "1")
# the timeline event creation needs the OAuth token of the app's install
HUBSPOT_OAUTH_TOKEN = os.getenv("HUBSPOT_OAUTH_TOKEN")
ZOOM_JWT = os.getenv("ZOOM_JWT")
