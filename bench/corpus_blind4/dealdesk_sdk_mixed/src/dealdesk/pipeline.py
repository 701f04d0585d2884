"""Deal desk: move approved deals forward (hubspot-api-client)."""
import logging

from hubspot.crm.deals import SimplePublicObjectInput
from hubspot.crm.deals.exceptions import ApiException

from dealdesk.clients import client

log = logging.getLogger(__name__)


def approve(deal_id, approver):
    props = {"dealstage": "contractsent", "approved_by": approver}
    try:
        client.crm.deals.basic_api.update(deal_id, simple_public_object_input=SimplePublicObjectInput(properties=props))
    except ApiException as exc:
        log.error("could not approve %s: %s", deal_id, exc)
        return False
    return True


def pending():
    page = client.crm.deals.basic_api.get_page(limit=50, properties=["dealstage", "amount"])
    return [d.id for d in page.results if d.properties.get("dealstage") == "approval"]
