import json
import os
import sys

import requests

# fallback = the marketing portal
API_KEY = os.environ.get("HUBSPOT_API_KEY", "7b2e9f10-3c4d-4e5f-8a9b-0c1d2e3f4a5b")
PAGE_URL = "https://api.hubapi.com/engagements/v1/engagements/paged?limit={limit}&offset={offset}&hapikey={key}"


def dump(out, limit=250, max_pages=None):
    offset = 0
    pages = 0
    n = 0
    while True:
        r = requests.get(PAGE_URL.format(limit=limit, offset=offset, key=API_KEY))
        r.raise_for_status()
        data = r.json()
        for item in data.get("results", []):
            out.write(json.dumps(item) + "\n")
            n += 1
        pages += 1
        if not data.get("hasMore") or (max_pages and pages >= max_pages):
            break
        offset = data["offset"]
    return n


if __name__ == "__main__":
    dump(sys.stdout)
