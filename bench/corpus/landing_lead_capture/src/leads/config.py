import os

HUBSPOT_API = "https://api.hubapi.com"
HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY", "")
HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "3349871")
DEMO_FORM_GUID = os.environ.get("HUBSPOT_DEMO_FORM", "5c0d1f2e-7a8b-4c3d-9e0f-a1b2c3d4e5f6")
NEWSLETTER_FORM_GUID = os.environ.get("HUBSPOT_NEWSLETTER_FORM", "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b")

SLACK_WEBHOOK = os.environ.get("SLACK_LEADS_WEBHOOK", "")
CRM_FALLBACK_URL = os.environ.get("CRM_FALLBACK_URL", "https://intranet.acme-tools.de/api/leads")
