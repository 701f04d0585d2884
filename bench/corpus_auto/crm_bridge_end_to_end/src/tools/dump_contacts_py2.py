#!/usr/bin/env python2
# Dump contact e-mails; kept from the 2014 version of the bridge (python 2 only).
import json
import os
import urllib
import urllib2

API_KEY = os.environ["HUBSPOT_API_KEY"]


def page(offset):
    query = urllib.urlencode({"hapikey": API_KEY, "count": 100, "vidOffset": offset})
    return json.load(urllib2.urlopen("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?" + query))


offset = 0
while True:
    data = page(offset)
    for c in data["contacts"]:
        print c["vid"]
    if not data["has-more"]:
        break
    offset = data["vid-offset"]
