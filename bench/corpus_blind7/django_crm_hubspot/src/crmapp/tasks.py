import logging

from celery import shared_task

from .hubspot import HubSpotClient

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3)
def sync_lead(self, email, properties):
    client = HubSpotClient()
    try:
        result = client.create_or_update_contact(email, properties)
    except Exception as exc:  # pragma: no cover - retried by celery
        raise self.retry(exc=exc, countdown=30)
    logger.info("synced lead vid=%s", result and result.get("vid"))
    return result and result.get("vid")


@shared_task
def reassign_inactive_owners(fallback_owner_id):
    client = HubSpotClient()
    moved = 0
    for owner in client.owners(include_inactive=True) or []:
        if owner.get("isActive") is False:
            moved += 1
    return moved
