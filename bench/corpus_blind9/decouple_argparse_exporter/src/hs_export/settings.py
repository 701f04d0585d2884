from decouple import Csv, config

HUBSPOT_API_KEY = config("HUBSPOT_API_KEY", default=None)
HUBSPOT_BASE_URL = config("HUBSPOT_BASE_URL", default="https://api.hubapi.com")
CLEARBIT_KEY = config("CLEARBIT_KEY", default="")
PAGE_SIZE = config("HS_PAGE_SIZE", default=100, cast=int)
CONTACT_PROPERTIES = config("HS_CONTACT_PROPERTIES", default="email,firstname,lastname,company", cast=Csv())
