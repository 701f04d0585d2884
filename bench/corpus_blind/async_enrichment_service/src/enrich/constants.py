import os

HUBSPOT_KEY = os.getenv("HUBSPOT_KEY", "")
BASE = "https://api.hubapi.com"

CONTACT_URL = BASE + "/contacts/v1/contact/vid/{vid}/profile?hapikey=" + HUBSPOT_KEY
COMPANY_URL = BASE + "/companies/v2/companies/{company_id}?hapikey=" + HUBSPOT_KEY
OWNER_URL = BASE + "/owners/v2/owners/%s?hapikey=%s"

ENRICH_API = os.getenv("ENRICH_API", "https://api.enrichly.example/v2")
ENRICH_TOKEN = os.getenv("ENRICH_TOKEN", "")
