import os

APP_ID = os.environ.get("HUBSPOT_APP_ID", "123456")
# developer portal key: app settings, webhooks, timeline event types
DEVELOPER_KEY = os.environ.get("HUBSPOT_DEVELOPER_KEY")
# key of the portal the app is installed in (our own) for contact lookups
PORTAL_KEY = os.environ.get("HUBSPOT_API_KEY")
WEBHOOK_TARGET = os.environ.get("WEBHOOK_TARGET", "https://hooks.example.com/hubspot/events")
