#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Original 2016 script. Still run by cron on the old box (python 2.7).
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
    try:
        return json.loads(urllib2.urlopen(url).read())
    except urllib2.HTTPError, e:
        print >>sys.stderr, 'HubSpot error', e.code
        return {}


def recent_contacts(count=100):
    return get('/contacts/v1/lists/recently_updated/contacts/recent', count=count).get('contacts', [])


def update_contact(vid, props):
    body = json.dumps({'properties': [{'property': k, 'value': v} for k, v in props.items()]})
    req = urllib2.Request(BASE + '/contacts/v1/contact/vid/%s/profile?hapikey=%s' % (vid, HAPIKEY), body,
                          {'Content-Type': 'application/json'})
    return urllib2.urlopen(req).getcode()


if __name__ == '__main__':
    for c in recent_contacts():
        print c['vid'], c.get('properties', {}).get('email', {}).get('value')
