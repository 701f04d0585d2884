import os

HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
HUBSPOT_TICKET_PIPELINE = os.getenv("HUBSPOT_TICKET_PIPELINE", "0")
INTERCOM_TOKEN = os.getenv("INTERCOM_TOKEN", "")
INTERCOM_API = "https://api.intercom.io"
