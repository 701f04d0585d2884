#!/usr/bin/env python2.7
# -*- coding: utf-8 -*-
# Old export script from the first version of listsync (2014). Still run by hand
# on the 2.7 box when marketing wants a CSV of a list.
import csv
import json
import os
import sys
import urllib2

API_KEY = os.environ.get('HUBSPOT_API_KEY')
LIST_URL = 'https://api.hubapi.com/contacts/v1/lists/%s/contacts/all?hapikey=%s&count=100&property=email'


def fetch(list_id, offset=None):
    url = LIST_URL % (list_id, API_KEY)
    if offset:
        url += '&vidOffset=%s' % offset
    return json.load(urllib2.urlopen(url))


def main(list_id):
    writer = csv.writer(sys.stdout)
    offset = None
    while True:
        page = fetch(list_id, offset)
        for contact in page['contacts']:
            writer.writerow([contact['vid'], contact['properties']['email']['value'].encode('utf-8')])
        if not page['has-more']:
            break
        offset = page['vid-offset']
    print >>sys.stderr, 'done'


if __name__ == '__main__':
    main(sys.argv[1])
