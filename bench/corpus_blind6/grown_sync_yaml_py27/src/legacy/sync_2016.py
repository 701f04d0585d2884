#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Original 2016 script, still run by cron on the old box (Python 2.7).
import json
import os
import sys
import urllib
import urllib2

HAPIKEY = os.environ.get("HUBSPOT_API_KEY", "")
BASE = "https://api.hubapi.com"


def get(path, **params):
    params["hapikey"] = HAPIKEY
    url = BASE + path + "?" + urllib.urlencode(params)
    return json.load(urllib2.urlopen(url))


def main():
    offset = 0
    while True:
        data = get("/contacts/v1/lists/all/contacts/all", count=100, vidOffset=offset)
        for c in data["contacts"]:
            print c["vid"], c["properties"].get("email", {}).get("value")
        if not data["has-more"]:
            break
        offset = data["vid-offset"]
    req = urllib2.Request(BASE + "/contacts/v1/lists/88/add?hapikey=" + HAPIKEY,
                          json.dumps({"vids": [1, 2]}), {"Content-Type": "application/json"})
    print urllib2.urlopen(req).read()


if __name__ == "__main__":
    try:
        main()
    except urllib2.HTTPError, e:
        print >> sys.stderr, "HubSpot error", e.code
        sys.exit(1)
