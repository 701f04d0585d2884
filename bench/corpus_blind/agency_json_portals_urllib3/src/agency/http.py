"""urllib3 pool shared by the monthly report (one pool per host, kept alive)."""
import json

import urllib3

pool = urllib3.PoolManager(num_pools=4, headers={"User-Agent": "agency-reports/2.0"})
HS = "https://api.hubapi.com"


def hs_get(path, key, **fields):
    fields["hapikey"] = key
    resp = pool.request("GET", HS + path, fields=fields, timeout=20.0)
    if resp.status != 200:
        raise RuntimeError("HubSpot %s returned %d" % (path, resp.status))
    return json.loads(resp.data.decode("utf-8"))


def post_json(url, payload, token):
    resp = pool.request("POST", url, body=json.dumps(payload).encode("utf-8"),
                        headers={"Content-Type": "application/json", "X-Agency-Token": token})
    return resp.status
