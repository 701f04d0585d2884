"""Nag owners about deals that haven't moved in a while."""
import datetime
import logging

import requests

from dealdesk import hs
from dealdesk.conf import settings

log = logging.getLogger(__name__)

ENGAGEMENTS_URL = settings.HUBSPOT_API_BASE + "/engagements/v1/engagements"


def _ms(dt):
    return int((dt - datetime.datetime(1970, 1, 1)).total_seconds() * 1000)


def stale_deals(now):
    cutoff = _ms(now - datetime.timedelta(days=settings.STALE_AFTER_DAYS))
    stale = []
    for deal in hs.deals.get_all(extra_properties=["hs_lastmodifieddate", "hubspot_owner_id"]) or []:
        props = deal.get("properties", {})
        modified = int(props.get("hs_lastmodifieddate") or 0)
        if modified and modified < cutoff:
            stale.append(deal)
    return stale


def create_task(deal_id, owner_id, now):
    payload = {
        "engagement": {"active": True, "type": "TASK", "ownerId": owner_id,
                       "timestamp": _ms(now)},
        "associations": {"dealIds": [deal_id]},
        "metadata": {"subject": "Deal has not moved in %d days" % settings.STALE_AFTER_DAYS,
                     "status": "NOT_STARTED", "taskType": "TODO"},
    }
    resp = requests.post(ENGAGEMENTS_URL, params={"hapikey": settings.HUBSPOT_API_KEY},
                         json=payload, timeout=20)
    resp.raise_for_status()
    return resp.json()["engagement"]["id"]


def nag(now=None, deals=None):
    now = now or datetime.datetime.utcnow()
    created = []
    for deal in deals if deals is not None else stale_deals(now):
        owner = deal.get("properties", {}).get("hubspot_owner_id")
        if not owner:
            continue
        created.append(create_task(deal["dealId"], int(owner), now))
    log.info("created %d nag tasks", len(created))
    return created
