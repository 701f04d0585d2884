from bridge import settings

BASE_URL = "https://api.hubapi.com"
CONTACTS_URL = BASE_URL + "/contacts/v1"
PARAMS = {"hapikey": settings.HUBSPOT_API_KEY}
