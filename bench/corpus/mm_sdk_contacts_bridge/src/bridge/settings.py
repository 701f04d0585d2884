import os

HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
HUBSPOT_SIGNUP_LIST_ID = int(os.getenv("HUBSPOT_SIGNUP_LIST_ID", "42"))
HUBSPOT_PIPELINE = os.getenv("HUBSPOT_PIPELINE", "default")

BACKEND_URL = os.getenv("BACKEND_URL", "https://app.tidyhive.example/api/internal")
BACKEND_TOKEN = os.getenv("BACKEND_TOKEN", "")
