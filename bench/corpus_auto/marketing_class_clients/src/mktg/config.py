import os

KEY = os.environ.get("HS_API_KEY")
PORTAL_ID = os.environ.get("HS_PORTAL_ID", "62515")
