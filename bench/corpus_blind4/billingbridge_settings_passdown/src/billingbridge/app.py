"""Wires everything from one Settings object."""
import logging

from billingbridge import config, properties
from billingbridge.contacts import ContactService
from billingbridge.deals import DealService
from billingbridge.hubspot import HubSpotAPI
from billingbridge.stripe_client import StripeClient

log = logging.getLogger(__name__)


class App(object):
    def __init__(self, settings):
        self.settings = settings
        self.hubspot = HubSpotAPI(settings.hubspot)
        self.stripe = StripeClient(settings.stripe)
        self.deals = DealService(self.hubspot, settings.pipeline)
        self.contacts = ContactService(self.hubspot)

    def sync(self):
        properties.ensure_invoice_property(self.hubspot)
        created = 0
        for inv in self.stripe.recent_invoices():
            deal_id = self.deals.find(inv["id"])
            if deal_id is None:
                deal_id = self.deals.create(inv)
                created += 1
            self.deals.close(deal_id)
        return created


def main(path="config.yml"):
    return App(config.load(path)).sync()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
