#!/usr/bin/env python
"""hs_cli.py -- small admin helpers for our HubSpot portal.

usage:
    hs_cli.py company <company_id>
    hs_cli.py deals-for <company_id>
    hs_cli.py set-owner <company_id> <owner_id>
    hs_cli.py workflows
"""
from __future__ import print_function

import json
import logging
import os
import sys

import requests
try:
    from urllib import urlencode  # py2
except ImportError:
    from urllib.parse import urlencode

log = logging.getLogger("hs_cli")

API = "https://api.hubapi.com"


def auth_params():
    key = os.getenv("HUBSPOT_API_KEY") or os.getenv("HAPIKEY")
    if not key:
        sys.exit("set HUBSPOT_API_KEY")
    return {"hapikey": key}


def get_company(company_id):
    params = auth_params()
    url = "%s/companies/v2/companies/%s" % (API, company_id)
    return requests.get(url, params=params).json()


def deals_for(company_id):
    params = auth_params()
    params.update({"limit": 50, "properties": "dealname"})
    url = API + "/deals/v1/deal/associated/company/%s/paged" % company_id
    return requests.get(url, params=params).json().get("deals", [])


def set_owner(company_id, owner_id):
    qs = urlencode(auth_params())
    url = "%s/companies/v2/companies/%s?%s" % (API, company_id, qs)
    log.info("PUT %s", url)
    payload = {"properties": [{"name": "hubspot_owner_id", "value": str(owner_id)}]}
    r = requests.put(url, data=json.dumps(payload), headers={"Content-Type": "application/json"})
    return r.status_code


def list_workflows():
    url = API + "/automation/v3/workflows?" + urlencode(auth_params())
    print("calling", url, file=sys.stderr)
    return [w["name"] for w in requests.get(url).json().get("workflows", [])]


def main(argv):
    logging.basicConfig(level=logging.INFO)
    if len(argv) < 2:
        print(__doc__)
        return 1
    cmd, args = argv[1], argv[2:]
    if cmd == "company":
        print(json.dumps(get_company(args[0]), indent=2))
    elif cmd == "deals-for":
        for d in deals_for(args[0]):
            print(d.get("dealId"), d.get("properties", {}).get("dealname", {}).get("value"))
    elif cmd == "set-owner":
        print(set_owner(args[0], args[1]))
    elif cmd == "workflows":
        print("\n".join(list_workflows()))
    else:
        print("unknown command", cmd)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
