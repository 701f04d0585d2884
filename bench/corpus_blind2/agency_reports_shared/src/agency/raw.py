"""http.client calls: the email API answers slowly, so this keeps one connection."""
import http.client
import json

from .constants import CAMPAIGNS_PATH, HUBSPOT_HOST


def campaigns(key, limit=50):
    conn = http.client.HTTPSConnection(HUBSPOT_HOST, timeout=60)
    try:
        conn.request("GET", CAMPAIGNS_PATH % (limit, key))
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise RuntimeError("campaigns: HTTP %d" % resp.status)
        return json.loads(body)
    finally:
        conn.close()
