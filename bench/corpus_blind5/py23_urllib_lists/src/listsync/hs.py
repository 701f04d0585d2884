# -*- coding: utf-8 -*-
from __future__ import print_function

import json
import logging
import os

from listsync.compat import HTTPError, Request, urlencode, urlopen

log = logging.getLogger(__name__)

API = "https://api.hubapi.com"
API_KEY = os.environ.get("HUBSPOT_API_KEY", "")
DEFAULT_HEADERS = {"User-Agent": "listsync/1.3", "Accept": "application/json"}


class HubSpotError(Exception):
    pass


def call(method, path, query=None, body=None):
    query = dict(query or {})
    query["hapikey"] = API_KEY
    url = "%s%s?%s" % (API, path, urlencode(query, doseq=True))
    data = None
    headers = dict(DEFAULT_HEADERS)
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    req = Request(url, data, headers)
    req.get_method = lambda: method
    try:
        resp = urlopen(req, timeout=30)
    except HTTPError as err:
        log.error("%s %s -> %s", method, path, err.code)
        raise HubSpotError(err.code)
    raw = resp.read().decode("utf-8")
    return json.loads(raw) if raw else None
