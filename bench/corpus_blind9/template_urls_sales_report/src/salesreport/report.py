import base64
import json
import logging
import urllib.parse
import urllib.request
from collections import defaultdict

from salesreport import urls
from salesreport.fetch import get_json
from salesreport.settings import MAILGUN

log = logging.getLogger(__name__)


def all_deals(cfg=None):
    offset = 0
    while True:
        page = get_json(urls.deals_page(offset, cfg=cfg))
        yield from page.get("deals", [])
        if not page.get("hasMore"):
            break
        offset = page["offset"]


def prop(deal, name, default=""):
    return deal.get("properties", {}).get(name, {}).get("value", default)


def build(cfg=None):
    stages = {s["stageId"]: s["label"]
              for p in get_json(urls.pipelines(cfg))["results"] for s in p["stages"]}
    by_owner = defaultdict(float)
    contact_vids = set()
    for deal in all_deals(cfg):
        by_owner[prop(deal, "hubspot_owner_id")] += float(prop(deal, "amount", 0) or 0)
        contact_vids.update(deal.get("associations", {}).get("associatedVids", []))
    lines = []
    for owner_id, total in sorted(by_owner.items()):
        owner = get_json(urls.owner(owner_id, cfg))
        lines.append("%s %s: %.2f" % (owner.get("firstName"), owner.get("lastName"), total))
    if contact_vids:
        contacts = get_json(urls.contacts_batch(sorted(contact_vids), ["email", "company"], cfg))
        lines.append("contacts involved: %d" % len(contacts))
    lines.append("stages known: %d" % len(stages))
    return "\n".join(lines)


def send(text, subject="Weekly sales report"):
    data = urllib.parse.urlencode({"from": "reports@" + MAILGUN["domain"], "to": MAILGUN["to"],
                                   "subject": subject, "text": text}).encode()
    req = urllib.request.Request("https://api.mailgun.net/v3/%s/messages" % MAILGUN["domain"], data=data)
    auth = base64.b64encode(("api:" + MAILGUN["key"]).encode()).decode()
    req.add_header("Authorization", "Basic " + auth)
    with urllib.request.urlopen(req) as resp:
        return json.loads(resp.read())["id"]


def run_for_portal(api_key, subject):
    from salesreport.settings import CFG
    return send(build(dict(CFG, hapikey=api_key)), subject=subject)
