"""`python -m shopsync.commands sync_orders` (a Django management command before we
dropped Django)."""
import logging
import sys

from shopsync import hubspot_service, owners, shopify
from shopsync.conf import settings

log = logging.getLogger("shopsync")


class Command(object):
    help = "Create a HubSpot deal for every recent Shopify order"

    def handle(self, *args, **options):
        logging.basicConfig(level=settings.LOG_LEVEL)
        created = 0
        for order in shopify.recent_orders(limit=options.get("limit", 50)):
            contact = hubspot_service.contact_by_email(order["email"])
            if contact is None:
                log.warning("no contact for %s", order["email"])
                continue
            hubspot_service.create_deal(order, contact["vid"])
            created += 1
        owner = owners.owner_email(options.get("notify_owner", 1))
        log.info("created %d deals, telling %s", created, owner)
        return created


if __name__ == "__main__":
    Command().handle(*sys.argv[1:])
