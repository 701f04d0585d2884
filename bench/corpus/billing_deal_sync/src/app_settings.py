import os

DEBUG = os.getenv("DEBUG", "0") == "1"

# HubSpot: either a portal API key (old installs) or an OAuth access token
# (installs done through the marketplace listing). Token wins if both are set.
HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
HUBSPOT_OAUTH_TOKEN = os.getenv("HUBSPOT_OAUTH_TOKEN")
HUBSPOT_PIPELINE = os.getenv("HUBSPOT_PIPELINE", "default")

BILLING_API_URL = os.getenv("BILLING_API_URL", "https://billing.acme-corp.com/api/v2")
BILLING_API_TOKEN = os.getenv("BILLING_API_TOKEN", "")
