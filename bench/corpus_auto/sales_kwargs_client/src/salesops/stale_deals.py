"""Find deals that have not moved for N days and nag their owner."""
import time

from salesops.client import Client, HubSpotError

DAY_MS = 86400 * 1000


def run(days=14, now_ms=None, client=None):
    client = client or Client()
    now_ms = now_ms or int(time.time() * 1000)
    owners = {o["ownerId"]: o for o in client.owners()}
    nagged = []
    for deal in client.recent_deals(since=now_ms - 90 * DAY_MS):
        props = deal.get("properties", {})
        changed = int(props.get("hs_lastmodifieddate", {}).get("value", now_ms))
        owner_id = int(props.get("hubspot_owner_id", {}).get("value", 0) or 0)
        if now_ms - changed < days * DAY_MS or owner_id not in owners:
            continue
        try:
            client.create_task(owner_id, deal["dealId"], "Deal idle for %d days" % days)
        except HubSpotError:
            continue
        client.update_deal(deal["dealId"], stale_flag="true")
        nagged.append(deal["dealId"])
    return nagged
