"""./manage.py sync_hubspot [--api-key KEY] [--list LIST_ID]

Pushes every customer with orders to HubSpot; --api-key pushes to another portal
(used when a franchise runs the sync for its own portal)."""
import logging

import requests
from django.conf import settings
from django.core.management.base import BaseCommand

from crm import services

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Push customers to HubSpot"

    def add_arguments(self, parser):
        parser.add_argument("--api-key", dest="api_key", default=None)
        parser.add_argument("--list", dest="list_id", default=None)

    def handle(self, *args, customers=(), api_key=None, list_id=None, **options):
        if api_key and api_key != settings.HUBSPOT_API_KEY:
            return self.push_other_portal(customers, api_key)
        owners = requests.get(settings.HUBSPOT_BASE_URL + "/owners/v2/owners", params=services._auth()).json()
        log.info("%d owners in the portal", len(owners or []))
        vids = [services.upsert_customer(c["email"], c.get("first", ""), c.get("last", ""), c.get("orders", 0))
                for c in customers]
        vids = [v for v in vids if v]
        if list_id:
            services.add_to_list(list_id, vids)
        self.stdout.write("pushed %d customers" % len(vids))
        return len(vids)

    def push_other_portal(self, customers, api_key):
        for c in customers:
            requests.post(
                "https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/%s/?hapikey=%s" % (c["email"], api_key),
                json={"properties": [{"property": "shop_orders", "value": c.get("orders", 0)}]},
            )
        return len(customers)
