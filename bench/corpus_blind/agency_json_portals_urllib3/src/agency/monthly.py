import json
import logging
import os

from agency import metrics
from agency.http import post_json

log = logging.getLogger("agency")


def load_portals(path="portals.json"):
    with open(path) as fh:
        return json.load(fh)


def report_for(portal, key, start, end):
    get = metrics.portal_api(key)
    return {
        "portal": portal["portal_id"],
        "email": metrics.email_stats(get),
        "traffic": metrics.traffic(get, start, end),
        "posts": metrics.blog_posts(get, portal.get("blog_id")),
        "lists": metrics.list_sizes(get),
    }


def run(start="20210101", end="20210131", path="portals.json"):
    config = load_portals(path)
    token = os.environ.get("AGENCY_DASH_TOKEN", "")
    sent = []
    for portal in config["portals"]:
        key = os.environ.get(portal["api_key_env"])
        if not key:
            log.warning("no key for %s, skipped", portal["name"])
            continue
        report = report_for(portal, key, start, end)
        post_json(config["report_endpoint"], {"client": portal["name"], **report}, token)
        sent.append(portal["name"])
    return sent
