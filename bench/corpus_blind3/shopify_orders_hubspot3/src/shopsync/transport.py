"""One HTTP helper for both APIs, curried per service."""
import functools
import logging

import requests

from shopsync import settings

log = logging.getLogger(__name__)


def call(base, path, auth_params=None, auth_headers=None, method="GET", body=None, **query):
    params = dict(query)
    if auth_params:
        params.update(auth_params)
    resp = requests.request(method, base + path, params=params, headers=auth_headers or {}, json=body, timeout=25)
    log.debug("%s %s%s -> %d", method, base, path, resp.status_code)
    resp.raise_for_status()
    return resp.json() if resp.content else None


hubspot = functools.partial(call, settings.HUBSPOT_BASE, auth_params={"hapikey": settings.HUBSPOT_KEY})
shopify = functools.partial(
    call,
    "https://%s/admin/api/2020-01" % settings.SHOP_DOMAIN,
    auth_headers={"X-Shopify-Access-Token": settings.SHOP_TOKEN},
)
