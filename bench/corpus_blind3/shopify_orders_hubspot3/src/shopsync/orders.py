"""Shopify orders -> HubSpot deals (hubspot3 for deals/contacts, raw calls for the rest)."""
import logging

from hubspot3.contacts import ContactsClient
from hubspot3.deals import DealsClient

from shopsync import settings
from shopsync.transport import hubspot, shopify

log = logging.getLogger(__name__)


class OrderSync(object):
    CONTACT_URL = settings.HUBSPOT_BASE + "/contacts/v1/contact/email/{email}/profile?hapikey=" + settings.HUBSPOT_KEY

    def __init__(self, api_key=settings.HUBSPOT_KEY):
        self.contacts = ContactsClient(api_key=api_key)
        self.deals = DealsClient(api_key=api_key)

    def orders(self, since_id=0):
        return shopify("/orders.json", status="any", since_id=since_id).get("orders", [])

    def ensure_contact(self, order):
        email = order["email"]
        found = self.contacts.get_contact_by_email(email)
        if found:
            return found["vid"]
        created = self.contacts.create_or_update_by_email(
            email, {"properties": [{"property": "firstname", "value": order.get("first_name", "")}]}
        )
        return created["vid"]

    def push(self, order):
        vid = self.ensure_contact(order)
        deal = self.deals.create(
            {
                "associations": {"associatedVids": [vid]},
                "properties": [
                    {"name": "dealname", "value": "Shopify #%s" % order["order_number"]},
                    {"name": "amount", "value": order["total_price"]},
                ],
            }
        )
        return deal

    def run(self, since_id=0):
        return [self.push(o) for o in self.orders(since_id) if o.get("email")]


def line_item_properties():
    return [p["name"] for p in hubspot("/properties/v1/line_items/properties") or []]


def pipelines():
    return hubspot("/crm-pipelines/v1/pipelines/deals", includeInactive="EXCLUDE")
