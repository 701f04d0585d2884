#!/usr/bin/env python3
"""Weekly: HubSpot companies -> "Accounts" tab of the sales sheet."""
import logging
import os

from hubspot_export import HubSpotExporter
from sheets import SheetsProxy

SHEETS_URL = os.getenv("SHEETS_PROXY_URL", "https://script.google.com/macros/s/AKfycbx0example/exec")
SHEETS_SECRET = os.getenv("SHEETS_PROXY_SECRET", "changeme")

COLUMNS = ["id", "name", "domain", "city", "numberofemployees", "owner"]


def main(api_key=None):
    exporter = HubSpotExporter(api_key or os.getenv("HUBSPOT_KEY"))
    exporter.connect()
    exporter.use_json()
    owners = exporter.owners()
    rows = []
    for c in exporter.companies():
        c["owner"] = owners.get(c.pop("hubspot_owner_id", ""), "")
        rows.append([c.get(col, "") for col in COLUMNS])
    sheet = SheetsProxy(SHEETS_URL, SHEETS_SECRET, extra_headers={"X-Sheet-Id": "1AbCdEf"})
    return sheet.replace_sheet("Accounts", COLUMNS, rows)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
