"""Daily digest of won deals, posted to Slack. Run from cron at 07:00.

Also drops a note on each won deal so the CSM knows it was announced.
"""
import json
import logging
import time
import urllib.request

import settings

logger = logging.getLogger(__name__)

HUBSPOT = "https://api.hubapi.com"
KEY_PARAM = "&hapikey="
DEAL_URL = HUBSPOT + "/deals/v1/deal/{deal_id}?includePropertyVersions=false&hapikey={key}"
OWNERS_URL = HUBSPOT + "/owners/v2/owners?hapikey=%s"
NOTE_URL = HUBSPOT + "/engagements/v1/engagements?hapikey="

DEAL_LINK = "https://app.hubspot.com/contacts/%s/deal/%s"


def deal_url(deal_id):
    return DEAL_URL.format(deal_id=deal_id, key=settings.HUBSPOT_API_KEY)


def fetch(url):
    req = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read().decode("utf-8"))


def post_json(url, payload):
    data = json.dumps(payload).encode("utf-8")
    req = urllib.request.Request(url, data=data, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        body = resp.read()
    if body and body.strip().startswith(b"{"):
        return json.loads(body.decode("utf-8"))
    return body


def recent_deals(since_ms):
    deals = []
    offset = 0
    while True:
        url = (HUBSPOT + "/deals/v1/deal/recent/modified?count=100&since=" + str(since_ms)
               + "&offset=" + str(offset) + KEY_PARAM + settings.HUBSPOT_API_KEY)
        page = fetch(url)
        deals.extend(page.get("results", []))
        if not page.get("hasMore"):
            return deals
        offset = page["offset"]


def owner_names():
    owners = fetch(OWNERS_URL % settings.HUBSPOT_API_KEY)
    return {o["ownerId"]: "%s %s" % (o.get("firstName", ""), o.get("lastName", "")) for o in owners}


def value(deal, name, default=None):
    p = deal.get("properties", {}).get(name)
    return p["value"] if p else default


def add_note(deal, text):
    payload = {
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"dealIds": [deal["dealId"]]},
        "metadata": {"body": text},
    }
    return post_json(NOTE_URL + settings.HUBSPOT_API_KEY, payload)


def build_message(won, owners):
    lines = [":tada: *%d deal(s) won yesterday*" % len(won)]
    for d in won:
        owner = value(d, "hubspot_owner_id")
        lines.append("- <%s|%s> %s (%s)" % (
            DEAL_LINK % (settings.HUBSPOT_PORTAL_ID, d["dealId"]),
            value(d, "dealname", "?"),
            value(d, "amount", "0"),
            owners.get(int(owner)) if owner else "no owner"))
    return "\n".join(lines)


def run(since_ms=None):
    if since_ms is None:
        since_ms = int((time.time() - 24 * 3600) * 1000)
    won = []
    for d in recent_deals(since_ms):
        full = fetch(deal_url(d["dealId"]))
        if value(full, "dealstage") in settings.WON_STAGES and float(value(full, "amount", 0) or 0) >= settings.DIGEST_MIN_AMOUNT:
            won.append(full)
    if not won:
        logger.info("nothing won since %s", since_ms)
        return
    message = build_message(won, owner_names())
    post_json(settings.SLACK_WEBHOOK_URL, {"text": message, "channel": settings.SLACK_CHANNEL})
    for d in won:
        add_note(d, "Announced in %s" % settings.SLACK_CHANNEL)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()
