"""Nightly job: pull contacts, deals and companies, push them to the warehouse."""
import json
import logging
import time

import requests

from etl import companies, contacts, deals
from etl.constants import HEADERS, WAREHOUSE_URL

log = logging.getLogger("etl")


def push(table, rows):
    r = requests.post(
        WAREHOUSE_URL,
        data=json.dumps({"table": table, "rows": rows}),
        headers=dict(HEADERS, **{"Content-Type": "application/json", "X-Source": "hubspot"}),
    )
    r.raise_for_status()


def main(since_ms=None):
    since_ms = since_ms or int((time.time() - 86400) * 1000)
    push("contacts", contacts.all_contacts())
    push("deals", deals.all_deals())
    push("pipelines", deals.pipelines().get("results", []))
    push("companies", companies.recent_companies(since_ms))
    log.info("done")
