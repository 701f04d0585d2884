# HubSpot -> warehouse nightly export
import os

BASE_URL = "https://api.hubapi.com"
KEY = os.getenv("HUBSPOT_KEY")
PARAMS = {"hapikey": KEY}
DEAL_URL = BASE_URL + "/deals/v1/deal/{deal_id}?hapikey=" + KEY

PAGE_SIZE = 100
HEADERS = {"Accept": "application/json", "X-Job": "hubspot-nightly"}
WAREHOUSE_URL = os.getenv("WAREHOUSE_URL", "https://warehouse.internal.example.com/ingest")
