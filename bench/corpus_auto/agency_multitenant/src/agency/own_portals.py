"""The agency's own two portals (US and EU entities): invoices are logged as deal notes."""
import os

import requests

OWN_PORTALS = {
    "us": os.environ.get("HUBSPOT_KEY_US"),
    "eu": os.environ.get("HUBSPOT_KEY_EU"),
}


def log_invoice(region, deal_id, amount, currency="USD"):
    key = OWN_PORTALS[region]
    r = requests.put(
        "https://api.hubapi.com/deals/v1/deal/%s" % deal_id,
        params={"hapikey": key},
        json={"properties": [{"name": "last_invoice_amount", "value": str(amount)},
                             {"name": "deal_currency_code", "value": currency}]},
    )
    r.raise_for_status()
    return r.json()
