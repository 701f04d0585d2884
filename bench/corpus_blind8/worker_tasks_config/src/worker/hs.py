"""HTTP to HubSpot for the tasks."""
import logging

import requests

log = logging.getLogger(__name__)


def request(cfg, method, path, **kwargs):
    params = kwargs.setdefault("params", {})
    params.setdefault("hapikey", cfg.api_key)
    kwargs.setdefault("timeout", cfg.timeout)
    resp = requests.request(method, cfg.base_url + path, **kwargs)
    log.debug("%s %s -> %s", method, path, resp.status_code)
    resp.raise_for_status()
    return resp.json() if resp.content else None


def get(cfg, path, **kwargs):
    return request(cfg, "GET", path, **kwargs)


def post(cfg, path, **kwargs):
    return request(cfg, "POST", path, **kwargs)
