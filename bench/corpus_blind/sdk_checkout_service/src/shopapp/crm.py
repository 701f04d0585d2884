"""hubspot-api-client wrapper (v3 CRM objects)."""
from typing import Dict, Iterator, List, Optional

from hubspot import HubSpot
from hubspot.crm.deals import BatchInputSimplePublicObjectInput, SimplePublicObjectInput

from shopapp.settings import SETTINGS, Settings


def get_client(settings: Optional[Settings] = None) -> HubSpot:
    settings = settings or SETTINGS
    return HubSpot(api_key=settings.hubspot_api_key)


def iter_contacts(client: HubSpot, properties: List[str]) -> Iterator[object]:
    after = None
    while True:
        page = client.crm.contacts.basic_api.get_page(limit=100, after=after, properties=properties)
        yield from page.results
        if not page.paging or not page.paging.next.after:
            return
        after = page.paging.next.after


def create_deals(client: HubSpot, orders: List[Dict[str, str]]) -> int:
    inputs = [
        SimplePublicObjectInput(properties={
            "dealname": "Order %s" % o["id"], "amount": o["amount"],
            "pipeline": SETTINGS.deal_pipeline, "dealstage": "closedwon"})
        for o in orders
    ]
    client.crm.deals.batch_api.create(
        batch_input_simple_public_object_input=BatchInputSimplePublicObjectInput(inputs=inputs))
    return len(inputs)


def owner_emails(client: HubSpot) -> List[str]:
    return [o.email for o in client.crm.owners.owners_api.get_page().results]
