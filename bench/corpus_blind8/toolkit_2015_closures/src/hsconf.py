# HubSpot settings shared by the scripts (2015)
import json
import os

_here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(_here, "hs_settings.json")) as _f:
    SETTINGS = json.load(_f)

HAPIKEY = os.environ.get(SETTINGS["key_variable"])
PORTAL_ID = SETTINGS["portal_id"]
PAGE_SIZE = SETTINGS["page_size"]
API_URL = "https://api.hubapi.com"
