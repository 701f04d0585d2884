# -*- coding: utf-8 -*-
import json
import logging

import requests

from hsync import config

log = logging.getLogger("hsync.deals")

DEALS_URL = config.BASE + "/deals/v1/deal/paged?hapikey=%s&limit=%d&offset=%d"


def iter_deals(limit=50):
    offset = 0
    while True:
        resp = requests.get(DEALS_URL % (config.API_KEY, limit, offset) + "&properties=dealname&properties=amount")
        payload = resp.json()
        for deal in payload.get("deals", []):
            yield deal
        if not payload.get("hasMore"):
            break
        offset = payload["offset"]


def associate_contact(deal_id, vid):
    url = config.BASE + "/deals/v1/deal/%s/associations/CONTACT?id=%s&hapikey=%s" % (deal_id, vid, config.HAPIKEY)
    resp = requests.put(url)
    log.info("associated deal %s with contact %s -> %s", deal_id, vid, resp.status_code)
    return resp.ok


def create_deal(name, amount, stage="appointmentscheduled"):
    payload = {
        "properties": [
            {"name": "dealname", "value": name},
            {"name": "amount", "value": str(amount)},
            {"name": "dealstage", "value": stage},
        ]
    }
    resp = requests.post(config.BASE + "/deals/v1/deal?hapikey=" + config.API_KEY, json=payload)
    return resp.json().get("dealId")
