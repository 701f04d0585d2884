#!/usr/bin/env python
# Owners dump for the sales dashboard (Python 2.7, cron on the old box).
import httplib
import json
import os
import urllib

HAPIKEY = os.environ["HUBSPOT_API_KEY"]


def owners():
    conn = httplib.HTTPSConnection("api.hubapi.com")
    conn.request("GET", "/owners/v2/owners?hapikey=%s&includeInactive=false" % HAPIKEY)
    resp = conn.getresponse()
    if resp.status != 200:
        raise SystemExit("owners: HTTP %d" % resp.status)
    return json.loads(resp.read())


def deal_pipelines():
    f = urllib.urlopen("https://api.hubapi.com/deals/v1/pipelines?hapikey=" + HAPIKEY)
    try:
        return json.load(f)
    finally:
        f.close()


if __name__ == "__main__":
    for o in owners():
        print "%(ownerId)s\t%(email)s" % o
    print len(deal_pipelines()), "pipelines"
