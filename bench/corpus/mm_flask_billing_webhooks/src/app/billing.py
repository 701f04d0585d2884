"""Paymint (our billing provider) API."""
import requests

from app import current_config


def _get(path, **params):
    cfg = current_config()
    resp = requests.get(cfg.BILLING_API + path, params=params,
                        auth=(cfg.BILLING_SECRET_KEY, ""), timeout=15)
    resp.raise_for_status()
    return resp.json()


def _post(path, data):
    cfg = current_config()
    resp = requests.post(cfg.BILLING_API + path, data=data,
                         auth=(cfg.BILLING_SECRET_KEY, ""), timeout=15)
    resp.raise_for_status()
    return resp.json()


def find_or_create_customer(email, name, hubspot_id):
    found = _get("/customers", email=email, limit=1).get("data", [])
    if found:
        return found[0]["id"]
    customer = _post("/customers", {"email": email, "name": name,
                                    "metadata[hubspot_contact_id]": hubspot_id})
    return customer["id"]


def create_invoice(customer_id, amount_cents, description):
    return _post("/invoiceitems", {"customer": customer_id, "amount": amount_cents,
                                   "currency": "usd", "description": description})
