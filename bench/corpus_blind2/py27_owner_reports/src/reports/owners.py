"""Port of scripts/export_owners.py to Python 3 (work in progress)."""
import csv
import io
import os

import requests

HAPIKEY = os.environ.get("HUBSPOT_API_KEY")
BASE = "https://api.hubapi.com"


def owners():
    return requests.get(BASE + "/owners/v2/owners", params={"hapikey": HAPIKEY}).json()


def open_deals_by_owner():
    counts = {}
    offset = 0
    while True:
        page = requests.get(
            BASE + "/deals/v1/deal/paged",
            params={
                "hapikey": HAPIKEY,
                "properties": ["hubspot_owner_id", "dealstage"],
                "offset": offset,
            },
        ).json()
        for deal in page["deals"]:
            props = deal["properties"]
            stage = props.get("dealstage", {}).get("value")
            owner = props.get("hubspot_owner_id", {}).get("value")
            if owner and stage not in ("closedwon", "closedlost"):
                counts[owner] = counts.get(owner, 0) + 1
        if not page["hasMore"]:
            return counts
        offset = page["offset"]


def as_csv():
    counts = open_deals_by_owner()
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["owner_id", "email", "open_deals"])
    for owner in owners():
        writer.writerow([owner["ownerId"], owner["email"], counts.get(str(owner["ownerId"]), 0)])
    return buf.getvalue()


if __name__ == "__main__":
    print(as_csv())
