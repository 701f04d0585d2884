"""Calls into our own Rails backend."""
import requests

from bridge import settings


def _headers():
    return {"Authorization": "Token token=%s" % settings.BACKEND_TOKEN,
            "Content-Type": "application/json"}


def new_signups(since):
    resp = requests.get(settings.BACKEND_URL + "/signups", params={"since": since},
                        headers=_headers(), timeout=30)
    resp.raise_for_status()
    return resp.json()["signups"]


def mark_synced(user_ids, hubspot_ids):
    resp = requests.post(settings.BACKEND_URL + "/signups/synced",
                         json={"user_ids": user_ids, "hubspot_ids": hubspot_ids},
                         headers=_headers(), timeout=30)
    resp.raise_for_status()


def churned_accounts(since):
    resp = requests.get(settings.BACKEND_URL + "/accounts/churned", params={"since": since},
                        headers=_headers(), timeout=30)
    resp.raise_for_status()
    return [a for a in resp.json()["accounts"] if a.get("hubspot_id")]
