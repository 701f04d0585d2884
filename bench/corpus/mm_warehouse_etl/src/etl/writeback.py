"""Push the scores computed in the warehouse back onto HubSpot records."""

import logging

from etl.hubspot_api import send

log = logging.getLogger("etl.writeback")


def contact_scores(scores):
    for vid, score in scores.items():
        body = {"properties": [{"property": "warehouse_score", "value": score}]}
        send("POST", "/contacts/v1/contact/vid/%s/profile" % vid, data=body)
    log.info("wrote %d contact scores", len(scores))


def deal_health(health_by_deal):
    for deal_id, health in health_by_deal.items():
        send(
            "PUT",
            "/deals/v1/deal/%s" % deal_id,
            data={"properties": [{"name": "deal_health", "value": health}]},
        )


def archive_deal(deal_id):
    send("DELETE", "/deals/v1/deal/%s" % deal_id)


def fetch_scores(run_id):
    # the warehouse exposes the scores back as a small JSON document
    import requests
    from etl import config

    resp = requests.get(
        config.WAREHOUSE_URL.rsplit("/", 1)[0] + "/scores/%s" % run_id,
        headers={"Authorization": "Token %s" % config.WAREHOUSE_TOKEN},
        timeout=60,
    )
    resp.raise_for_status()
    return resp.json()
