"""Monday digest for the sales channel."""
import json

try:
    from urllib.request import Request, urlopen
except ImportError:  # pragma: no cover
    from urllib2 import Request, urlopen

from dealdesk import forecast, hs
from dealdesk.conf import settings


def _post_slack(text):
    if not settings.SLACK_WEBHOOK:
        print(text)
        return
    req = Request(settings.SLACK_WEBHOOK, data=json.dumps({"text": text}).encode("utf-8"),
                  headers={"Content-Type": "application/json"})
    urlopen(req, timeout=10).read()


def monday_digest():
    contacts = hs.client.contacts.get_all() or []
    total = forecast.weighted_forecast()
    text = "\n".join([
        "*Deal desk weekly*",
        "Weighted forecast: %.0f" % total,
        "Pipelines: %s" % ", ".join(str(n) for n in forecast.pipeline_names()),
        "Contacts in CRM: %d" % len(list(contacts)),
    ])
    _post_slack(text)
    return text


def close_deal(deal_id, won=True):
    from dealdesk import stages
    stages.move_stage(deal_id, "closedwon" if won else "closedlost")
    hs.deals.update(deal_id, {"properties": [{"name": "closed_by_deal_desk", "value": "true"}]})
