#!/usr/bin/env python3
"""Old argparse version, kept because finance runs it: owners and their open deals."""
import argparse
import json
import sys
import urllib.parse
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.loads(resp.read().decode("utf-8"))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--hapikey", required=True)
    ap.add_argument("--owner", type=int, action="append", default=[])
    args = ap.parse_args(argv)
    qs = urllib.parse.urlencode({"hapikey": args.hapikey})
    owners = fetch("https://api.hubapi.com/owners/v2/owners?" + qs)
    wanted = set(args.owner) or {o["ownerId"] for o in owners}
    report = {}
    for o in owners:
        if o["ownerId"] in wanted:
            report[o["email"]] = o["ownerId"]
    json.dump(report, sys.stdout, sort_keys=True)
    return report


if __name__ == "__main__":
    main()
