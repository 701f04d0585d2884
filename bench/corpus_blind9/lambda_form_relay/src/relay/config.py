import os

HUBSPOT_API_BASE = "https://api.hubapi.com"
HUBSPOT_FORMS_BASE = "https://forms.hubspot.com"

# set in the Lambda console (encrypted env var)
HUBSPOT_KEY = os.environ.get("HUBSPOT_API_KEY", "")
PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "")
SIGNUP_FORM_GUID = os.environ.get("SIGNUP_FORM_GUID", "")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL")
TIMEOUT = int(os.environ.get("HTTP_TIMEOUT", "10"))
