#!/usr/bin/env python2.7
# Old export, still run by hand on the reporting box (python 2.7 only).
import csv
import json
import os
import sys
import urllib2

API_KEY = os.environ["HUBSPOT_HAPIKEY"]
URL = "https://api.hubapi.com/companies/v2/companies/paged?hapikey=%s&limit=250&properties=name"


def fetch(offset=None):
    url = URL % API_KEY
    if offset:
        url += "&offset=%s" % offset
    return json.load(urllib2.urlopen(url))


def main(path):
    out = csv.writer(open(path, "wb"))
    offset = None
    total = 0
    while True:
        page = fetch(offset)
        for c in page["companies"]:
            name = c["properties"].get("name", {}).get("value", u"")
            out.writerow([c["companyId"], name.encode("utf-8")])
            total += 1
        if not page["has-more"]:
            break
        offset = page["offset"]
    print "exported %d companies" % total


if __name__ == "__main__":
    main(sys.argv[1])
