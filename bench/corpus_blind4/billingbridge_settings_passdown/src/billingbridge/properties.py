"""Makes sure the custom deal property exists (properties v1)."""
import requests


def ensure_invoice_property(api):
    try:
        existing = api.get("/properties/v1/deals/properties/named/stripe_invoice")
    except requests.HTTPError as exc:
        if exc.response is None or exc.response.status_code != 404:
            raise
        existing = None
    if existing and existing.get("name"):
        return False
    api.post("/properties/v1/deals/properties/", {
        "name": "stripe_invoice", "label": "Stripe invoice", "groupName": "dealinformation",
        "type": "string", "fieldType": "text",
    })
    return True
