"""The in-house desk API (not HubSpot)."""
import requests


def open_tickets(config, **filters):
    headers = {"Authorization": "Token %s" % config.internal_token}
    return requests.get(config.internal_api + "/tickets", params=dict(status="open", **filters), headers=headers).json()
