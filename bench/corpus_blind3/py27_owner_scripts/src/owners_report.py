#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Python 2.7 -- run from the old cron box: python owners_report.py > owners.txt
import os
import sys
import urllib2
import json

API_KEY = os.environ['HUBSPOT_API_KEY']
OWNERS_URL = 'https://api.hubapi.com/owners/v2/owners?hapikey=' + API_KEY


def load_owners():
    try:
        resp = urllib2.urlopen(OWNERS_URL)
    except urllib2.HTTPError, e:
        print >> sys.stderr, 'owners request failed: %s' % e.code
        return []
    return json.loads(resp.read())


def deals_of(owner_id):
    url = 'https://api.hubapi.com/deals/v1/deal/paged?hapikey=%s&properties=hubspot_owner_id&limit=250' % API_KEY
    data = json.loads(urllib2.urlopen(url).read())
    return [d for d in data['deals']
            if d['properties'].get('hubspot_owner_id', {}).get('value') == str(owner_id)]


if __name__ == '__main__':
    for owner in load_owners():
        print '%-30s %4d deals' % (owner['email'], len(deals_of(owner['ownerId'])))
