#!/usr/bin/env python2.7
# -*- coding: utf-8 -*-
# Old export, still run by hand on the reporting box (python 2.7 only).
import json
import os
import sys
import urllib
import urllib2

HAPIKEY = os.environ.get('HUBSPOT_API_KEY')
BASE = 'https://api.hubapi.com'


def get(path, **params):
    params['hapikey'] = HAPIKEY
    url = BASE + path + '?' + urllib.urlencode(params)
    return json.load(urllib2.urlopen(url))


def owners():
    url = BASE + '/owners/v2/owners?hapikey=%s' % HAPIKEY
    return json.load(urllib2.urlopen(url))


def main():
    for o in owners():
        print o['email'], o['ownerId']
    data = get('/deals/v1/deal/recent/created', count=10)
    for d in data.get('results', []):
        print >> sys.stderr, d['dealId']
    try:
        urllib2.urlopen(urllib2.Request(BASE + '/contacts/v1/contact/vid/1/profile?hapikey=' + HAPIKEY))
    except urllib2.HTTPError, e:
        print 'error', e.code


if __name__ == '__main__':
    main()
