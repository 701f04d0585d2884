"""GET helpers: urllib for full URLs, http.client for the HubSpot host."""
import http.client
import json
import logging
import urllib.request
from urllib.parse import urlencode

from hsreports import settings

log = logging.getLogger(__name__)


def get_json(url, headers=None):
    request = urllib.request.Request(url, headers=dict(headers or {}, Accept="application/json"))
    with urllib.request.urlopen(request, timeout=20) as response:
        return json.loads(response.read().decode("utf-8"))


def hubspot_get(path, **query):
    """Same as get_json, over one HTTPS connection (some proxies of ours mangle urllib)."""
    query["hapikey"] = settings.HUBSPOT_API_KEY
    conn = http.client.HTTPSConnection(settings.HUBSPOT_HOST, timeout=20)
    try:
        conn.request("GET", path + "?" + urlencode(query), headers={"Accept": "application/json"})
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            log.error("HubSpot %s: %s", path, response.status)
            return None
        return json.loads(body)
    finally:
        conn.close()


def warehouse_post(table, rows):
    conn = http.client.HTTPSConnection(settings.WAREHOUSE_HOST)
    body = json.dumps({"table": table, "rows": rows})
    conn.request("POST", "/ingest?" + urlencode({"api_key": settings.WAREHOUSE_KEY}), body,
                 {"Content-Type": "application/json"})
    status = conn.getresponse().status
    conn.close()
    return status
