"""The one place that talks HTTP (retries, logging)."""
import logging
import time

import requests

log = logging.getLogger("bridge.http")
SESSION = requests.Session()


def call(method, url, params=None, json=None, auth=None, headers=None, attempts=3):
    for attempt in range(1, attempts + 1):
        resp = SESSION.request(method, url, params=params, json=json, auth=auth,
                               headers=headers, timeout=20)
        if resp.status_code in (429, 502, 503) and attempt < attempts:
            log.info("retrying %s (%s)", url.split("?")[0], resp.status_code)
            time.sleep(2 ** attempt)
            continue
        resp.raise_for_status()
        return resp.json() if resp.content else {}
