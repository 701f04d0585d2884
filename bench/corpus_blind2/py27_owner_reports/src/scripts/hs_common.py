# -*- coding: utf-8 -*-
# Shared bits for the old cron scripts. Python 2.7 only.
import json
import sys
import os
import urllib
import urllib2

HAPIKEY = os.environ.get('HUBSPOT_API_KEY')
BASE = 'https://api.hubapi.com'


def hs_get(path, **params):
    params['hapikey'] = HAPIKEY
    url = BASE + path + '?' + urllib.urlencode(params, True)
    try:
        resp = urllib2.urlopen(url, timeout=30)
    except urllib2.HTTPError, e:
        print >> sys.stderr, 'HubSpot error', e.code, path
        raise
    return json.loads(resp.read())


def hs_post(path, payload):
    url = '%s%s?hapikey=%s' % (BASE, path, HAPIKEY)
    req = urllib2.Request(url, json.dumps(payload), {'Content-Type': 'application/json'})
    return json.loads(urllib2.urlopen(req).read() or 'null')
