import http.client
import json
import logging
import os

log = logging.getLogger("hsbackup")

API_HOST = "api.hubapi.com"
KEY = os.environ["HUBSPOT_API_KEY"]


class APIError(Exception):
    pass


def request(method, path, body=None):
    sep = "&" if "?" in path else "?"
    conn = http.client.HTTPSConnection(API_HOST, timeout=30)
    try:
        headers = {"Accept": "application/json"}
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers["Content-Type"] = "application/json"
        conn.request(method, path + sep + "hapikey=" + KEY, body=payload, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        if resp.status >= 400:
            raise APIError("%s %s -> %d" % (method, path, resp.status))
        return json.loads(data.decode("utf-8")) if data else None
    finally:
        conn.close()
