import logging

import requests

from bridge import constants

log = logging.getLogger(__name__)


def send(method, endpoint, params=None, **kwargs):
    query = dict(constants.PARAMS)
    query.update(params or {})
    resp = requests.request(method, constants.BASE_URL + endpoint, params=query, **kwargs)
    log.debug("%s %s -> %s", method, endpoint, resp.status_code)
    resp.raise_for_status()
    return resp.json() if resp.content else None
