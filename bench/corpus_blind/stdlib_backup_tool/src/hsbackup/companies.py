import json
import urllib.request
from urllib.parse import urlencode

from hsbackup.conn import KEY

URL = "https://api.hubapi.com/companies/v2/companies/paged?"


def all_companies(properties=("name", "domain")):
    out, offset = [], 0
    while True:
        query = urlencode([("hapikey", KEY), ("limit", 250), ("offset", offset)]
                          + [("properties", p) for p in properties])
        with urllib.request.urlopen(URL + query, timeout=60) as resp:
            page = json.load(resp)
        out.extend(page["companies"])
        if not page["has-more"]:
            return out
        offset = page["offset"]
