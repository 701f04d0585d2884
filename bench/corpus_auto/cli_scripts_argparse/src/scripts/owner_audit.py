#!/usr/bin/env python3
"""List owners without a team, straight over http.client (runs on the bastion, where
nothing but the standard library is installed).

    owner_audit.py --api-key KEY [--include-inactive]
"""
import argparse
import http.client
import json

HOST = "api.hubapi.com"


def owners(api_key, include_inactive=False):
    conn = http.client.HTTPSConnection(HOST, timeout=15)
    path = "/owners/v2/owners?hapikey=%s&includeInactive=%s" % (
        api_key, "true" if include_inactive else "false")
    conn.request("GET", path, headers={"Accept": "application/json"})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    if resp.status != 200:
        raise SystemExit("HubSpot answered %s" % resp.status)
    return json.loads(body)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--api-key", required=True)
    ap.add_argument("--include-inactive", action="store_true")
    args = ap.parse_args(argv)
    lonely = [o["email"] for o in owners(args.api_key, args.include_inactive)
              if not o.get("teams")]
    for email in lonely:
        print(email)
    return lonely
