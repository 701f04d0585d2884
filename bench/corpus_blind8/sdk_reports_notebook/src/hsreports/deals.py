"""Pipeline figures through hubspot-api-client."""
import logging
from collections import Counter

from hubspot.crm.deals import ApiException

from hsreports.clients import portal_client

log = logging.getLogger(__name__)


def all_deals(client=None, properties=("dealstage", "amount")):
    client = client or portal_client()
    after = None
    out = []
    while True:
        page = client.crm.deals.basic_api.get_page(limit=100, after=after, properties=list(properties))
        out.extend(page.results)
        if not page.paging or not page.paging.next:
            return out
        after = page.paging.next.after


def stage_counts(client=None):
    try:
        deals = all_deals(client)
    except ApiException:
        log.exception("deals")
        return {}
    return dict(Counter(d.properties.get("dealstage") or "none" for d in deals))


def pipelines(client=None):
    client = client or portal_client()
    return [p.label for p in client.crm.pipelines.pipelines_api.get_all(object_type="deals").results]
