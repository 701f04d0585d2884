"""Send request specs with one session; log and raise on errors."""
import logging

import requests

log = logging.getLogger(__name__)

_session = requests.Session()
_session.headers["User-Agent"] = "hsjobs"


def send(spec, timeout=15):
    url, kwargs = spec
    kwargs = dict(kwargs)
    method = kwargs.pop("method", "GET")
    resp = _session.request(method, url, timeout=timeout, **kwargs)
    if resp.status_code >= 400:
        log.error("%s %s -> %s", method, url, resp.status_code)
        resp.raise_for_status()
    return resp.json() if resp.content else None


def send_all(specs):
    return [send(s) for s in specs]
