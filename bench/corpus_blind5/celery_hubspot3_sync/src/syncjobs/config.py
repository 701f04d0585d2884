import os


class Config(object):
    HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
    HUBSPOT_PARAMS = {"hapikey": HUBSPOT_API_KEY}
    HUBSPOT_URL = "https://api.hubapi.com"
    DEFAULT_OWNER = int(os.getenv("HUBSPOT_DEFAULT_OWNER", "1"))
