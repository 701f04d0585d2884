"""Developer app setup: webhook subscriptions (developer key) and a sanity check of
the portal's property groups (portal key)."""
import os

from hubcrm.facade import HubSpot
from hubcrm.resources import WebhooksClient


def setup(app_id):
    hooks = WebhooksClient(os.environ["HUBSPOT_DEVELOPER_KEY"], app_id)
    have = {s["subscriptionDetails"]["subscriptionType"] for s in hooks.subscriptions() or []}
    for kind in ("contact.creation", "deal.creation"):
        if kind not in have:
            hooks.subscribe(kind)
    groups = HubSpot().properties.groups() or []
    return sorted(g["name"] for g in groups)
