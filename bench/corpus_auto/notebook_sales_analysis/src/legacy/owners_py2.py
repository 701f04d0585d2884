#!/usr/bin/env python
# Old owner export, still run by hand on the analytics box (python 2.7).
import json
import os
import urllib2

KEY = os.environ["HUBSPOT_API_KEY"]
URL = "https://api.hubapi.com/owners/v2/owners?hapikey=" + KEY


def main():
    data = json.load(urllib2.urlopen(URL))
    for owner in data:
        print "%s\t%s" % (owner["ownerId"], owner["email"])


if __name__ == "__main__":
    main()
