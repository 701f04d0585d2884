import json
import logging

import requests

log = logging.getLogger(__name__)

_session = None


def get_session():
    global _session
    if _session is None:
        s = requests.Session()
        s.headers.update({"User-Agent": "acme-landing/2.3 (+https://www.acme-tools.de)"})
        _session = s
    return _session


def post_json(url, payload, headers=None, params=None):
    hdrs = {"Content-Type": "application/json", "Accept": "application/json"}
    if headers:
        hdrs.update(headers)
    resp = get_session().post(url, data=json.dumps(payload), headers=hdrs, params=params, timeout=10)
    if resp.status_code >= 400:
        log.error("POST %s failed: %s %s", url.split("?")[0], resp.status_code, resp.text[:300])
        resp.raise_for_status()
    if not resp.content:
        return {}
    try:
        return resp.json()
    except ValueError:
        return {"raw": resp.text}


def get_json(url, params=None, headers=None):
    resp = get_session().get(url, params=params, headers=headers, timeout=10)
    resp.raise_for_status()
    return resp.json()


def post_form(url, fields):
    resp = get_session().post(url, data=fields, timeout=10)
    return resp.status_code
