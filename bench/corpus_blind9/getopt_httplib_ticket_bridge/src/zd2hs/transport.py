import json
import logging

from zd2hs.compat import httplib

log = logging.getLogger(__name__)


class HTTPError(Exception):
    def __init__(self, status, body):
        Exception.__init__(self, "HTTP %s: %s" % (status, body[:200]))
        self.status = status


def json_request(host, method, path, body=None, headers=None):
    conn = httplib.HTTPSConnection(host, timeout=30)
    hdrs = {"Accept": "application/json"}
    hdrs.update(headers or {})
    payload = None
    if body is not None:
        payload = json.dumps(body)
        hdrs["Content-Type"] = "application/json"
    log.debug("%s https://%s%s", method, host, path)
    try:
        conn.request(method, path, payload, hdrs)
        resp = conn.getresponse()
        data = resp.read()
    finally:
        conn.close()
    if resp.status >= 400:
        raise HTTPError(resp.status, data.decode("utf-8", "replace"))
    return json.loads(data) if data else None
