import logging

from celery import shared_task
from django.conf import settings

from leads.hubspot import HubSpotClient

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3)
def push_lead(self, email, properties):
    client = HubSpotClient()
    result = client.create_or_update(email, properties)
    vid = result["vid"]
    if settings.HUBSPOT_LEADS_LIST:
        client.add_to_list(settings.HUBSPOT_LEADS_LIST, [vid])
    logger.info("pushed %s as %s", email, vid)
    return vid


@shared_task
def round_robin_owner(vid, api_key=None):
    client = HubSpotClient(api_key=api_key)
    owners = [o for o in client.owners() if o.get("type") == "PERSON"]
    if not owners:
        return None
    owner = owners[vid % len(owners)]
    client.assign_owner(vid, owner["ownerId"])
    return owner["ownerId"]
