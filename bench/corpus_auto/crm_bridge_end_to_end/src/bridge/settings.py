"""Settings (Django style: fail early when something is missing)."""
import os

HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
HUBSPOT_PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "")
CRM_LEGACY_URL = os.environ.get("CRM_LEGACY_URL", "https://crm.internal.example.com/api")
BATCH_SIZE = 50
