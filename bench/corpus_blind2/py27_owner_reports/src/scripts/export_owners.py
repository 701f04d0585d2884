#!/usr/bin/env python2.7
# Dump owners and their open deals to a CSV. Run from cron on the old box.
import csv
import sys
import urllib2
import json

from hs_common import hs_get, HAPIKEY

out = csv.writer(open(sys.argv[1] if len(sys.argv) > 1 else 'owners.csv', 'wb'))
out.writerow(['owner_id', 'email', 'open_deals'])

owners = hs_get('/owners/v2/owners')
print "got %d owners" % len(owners)

for o in owners:
    n = 0
    offset = 0
    while True:
        url = 'https://api.hubapi.com/deals/v1/deal/paged?hapikey=' + HAPIKEY + \
              '&properties=hubspot_owner_id&properties=dealstage&offset=' + str(offset)
        page = json.loads(urllib2.urlopen(url).read())
        for d in page['deals']:
            p = d['properties']
            if p.get('hubspot_owner_id', {}).get('value') == str(o['ownerId']) and \
               p.get('dealstage', {}).get('value') not in ('closedwon', 'closedlost'):
                n += 1
        if not page['hasMore']:
            break
        offset = page['offset']
    out.writerow([o['ownerId'], o['email'].encode('utf-8'), n])
    print o['email'], n
