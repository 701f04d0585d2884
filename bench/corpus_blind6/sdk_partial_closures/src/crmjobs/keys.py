import os

HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY", "")
STRIPE_KEY = os.environ.get("STRIPE_API_KEY", "")
