import os

import requests

from worker.hubspot_tasks import hubspot
from worker.registry import task

STRIPE = "https://api.stripe.com/v1"


@task("billing.refund")
def refund(charge_id, deal_id=None):
    resp = requests.post(STRIPE + "/refunds", data={"charge": charge_id},
                         auth=(os.environ.get("STRIPE_SECRET_KEY", ""), ""), timeout=20)
    resp.raise_for_status()
    refund_id = resp.json()["id"]
    if deal_id:
        hubspot().put("/deals/v1/deal/%s" % deal_id, json={"properties": [
            {"name": "stripe_refund_id", "value": refund_id}]})
    requests.post(os.environ.get("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/x"),
                  json={"text": "Refunded %s" % charge_id}, timeout=5)
    return refund_id
