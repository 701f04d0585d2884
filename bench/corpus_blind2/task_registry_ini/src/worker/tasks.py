"""Tasks: mirror Stripe charges as HubSpot deals."""
import logging

import requests

from . import hs
from .registry import task

log = logging.getLogger("worker.tasks")


def stripe_charges(cfg, limit=10):
    resp = requests.get(
        "https://api.stripe.com/v1/charges",
        params={"limit": limit},
        auth=(cfg.stripe_key, ""),
    )
    resp.raise_for_status()
    return resp.json()["data"]


@task("sync_charges")
def sync_charges(cfg, limit=10):
    known = {
        d["properties"].get("stripe_charge_id", {}).get("value")
        for d in hs.find_deals(cfg)
    }
    created = 0
    for charge in stripe_charges(cfg, limit):
        if charge["id"] in known or not charge.get("paid"):
            continue
        vid = hs.contact_vid(cfg, charge["receipt_email"]) if charge.get("receipt_email") else None
        hs.create_deal(cfg, "Stripe " + charge["id"], charge["amount"] / 100.0, charge["id"], vid)
        created += 1
    log.info("created %d deals", created)
    return created


@task("deal_for_charge")
def deal_for_charge(cfg, charge_id, amount, email=None):
    vid = hs.contact_vid(cfg, email) if email else None
    return hs.create_deal(cfg, "Stripe " + charge_id, amount, charge_id, vid)
