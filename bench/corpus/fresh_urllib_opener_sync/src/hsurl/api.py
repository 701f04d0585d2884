import logging
import os

from hsurl.compat import HTTPError, Request, build_opener, loads, quote, urlopen
from hsurl.handlers import HapikeyHandler

log = logging.getLogger(__name__)

API_KEY = os.environ.get("HUBSPOT_API_KEY")
BASE = "https://api.hubapi.com"
ZENDESK = "https://%s.zendesk.com/api/v2" % os.environ.get("ZENDESK_SUBDOMAIN", "acme")

opener = build_opener(HapikeyHandler(API_KEY))
opener.addheaders = [("User-Agent", "hs-zd-sync/1.4"), ("Accept", "application/json")]


def hs(path, payload=None, method=None):
    data = None
    headers = {}
    if payload is not None:
        data = json_bytes(payload)
        headers["Content-Type"] = "application/json"
    req = Request(BASE + path, data=data, headers=headers)
    if method:
        req.get_method = lambda: method
    try:
        return loads(opener.open(req, timeout=30).read())
    except HTTPError as e:
        log.error("HubSpot %s %s -> %s", method or req.get_method(), path, e.code)
        raise


def zendesk(path):
    req = Request(ZENDESK + path)
    req.add_header("Authorization", "Basic " + os.environ.get("ZENDESK_BASIC", ""))
    return loads(opener.open(req, timeout=30).read())


def owner_by_email(email):
    # older helper, written before the opener existed
    url = BASE + "/owners/v2/owners?email=" + quote(email) + "&hapikey=" + API_KEY
    owners = loads(urlopen(url).read())
    return owners[0] if owners else None


def log_engagement(payload):
    req = Request(
        "%s/engagements/v1/engagements?hapikey=%s" % (BASE, API_KEY),
        json_bytes(payload),
    )
    req.add_header("Content-Type", "application/json")
    return loads(urlopen(req).read())


def json_bytes(obj):
    import json

    return json.dumps(obj).encode("utf-8")
