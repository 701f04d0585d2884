"""Entry points called by the shop platform's webhooks and by the nightly job."""
import logging
import os
from dataclasses import dataclass, field
from typing import List, Optional

import requests

from connector import hubspot

log = logging.getLogger(__name__)

SHOP_API = "https://api.shopsync.io/v1"

# our own portal, where every install is tracked as a contact for the CS team
VENDOR_HUBSPOT_KEY = os.environ.get("VENDOR_HUBSPOT_KEY")


@dataclass
class Account:
    id: int
    shop_domain: str
    shop_token: str
    hubspot_api_key: Optional[str] = None
    deal_pipeline: str = "default"
    tags: List[str] = field(default_factory=list)


def on_order_paid(account, order):
    """Webhook: an order was paid -> make sure the buyer is a contact and add a won deal."""
    if not account.hubspot_api_key:
        log.info("account %s has no HubSpot portal connected, skipping order %s", account.id, order["id"])
        return None
    email = order["customer"]["email"].lower()
    contact = hubspot.find_contact(account.hubspot_api_key, email)
    if contact is None:
        vid = hubspot.upsert_contact(account.hubspot_api_key, email,
                                     firstname=order["customer"].get("first_name", ""),
                                     lastname=order["customer"].get("last_name", ""),
                                     lifecyclestage="customer")
    else:
        vid = contact["vid"]
    return hubspot.create_deal(account.hubspot_api_key,
                               "%s order #%s" % (account.shop_domain, order["number"]),
                               order["total_price"], pipeline=account.deal_pipeline,
                               contact_vids=[vid])


def push_customers(account):
    """Nightly: copy HubSpot contacts into the shop's customer list."""
    if not account.hubspot_api_key:
        return 0
    pushed = 0
    for contact in hubspot.iter_all_contacts(account.hubspot_api_key):
        props = contact.get("properties", {})
        email = props.get("email", {}).get("value")
        if not email:
            continue
        r = requests.put("%s/shops/%s/customers/%s" % (SHOP_API, account.shop_domain, email),
                         json={"first_name": props.get("firstname", {}).get("value"),
                               "last_name": props.get("lastname", {}).get("value"),
                               "tags": account.tags},
                         headers={"X-Shop-Token": account.shop_token}, timeout=10)
        if r.ok:
            pushed += 1
    return pushed


def nightly(accounts):
    total = 0
    for account in accounts:
        try:
            total += push_customers(account)
        except requests.RequestException:
            log.exception("sync failed for account %s", account.id)
    return total


def on_install(account, installer_email):
    """App installed by a merchant: record it in our own HubSpot portal."""
    if VENDOR_HUBSPOT_KEY is None:
        log.warning("VENDOR_HUBSPOT_KEY not set, install of %s not tracked", account.shop_domain)
        return None
    return hubspot.upsert_contact(VENDOR_HUBSPOT_KEY, installer_email.lower(),
                                  website="https://" + account.shop_domain,
                                  shop_connector_status="installed",
                                  hubspot_connected="true" if account.hubspot_api_key else "false")
