import os

HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")
HUBSPOT_BASE = "https://api.hubapi.com"

# where the "export finished" message goes
SLACK_WEBHOOK_URL = os.environ.get(
    "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXXXXXX"
)

PAGE_SIZE = 100
MAX_RETRIES = 4
EXPORT_PROPERTIES = ["email", "firstname", "lastname", "company", "lifecyclestage"]
