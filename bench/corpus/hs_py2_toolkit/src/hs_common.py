# -*- coding: utf-8 -*-
"""
Shared helpers for our HubSpot scripts. Works on python 2.7 and 3.x.
"""
from __future__ import print_function, unicode_literals

import json
import os
import sys

try:
    from urllib import urlencode, quote
    import urllib2
except ImportError:
    from urllib.parse import urlencode, quote
    import urllib.request as urllib2

try:
    string_types = basestring  # noqa: F821
except NameError:
    string_types = str

HAPIKEY = os.environ.get('HUBSPOT_HAPIKEY')
PORTAL_ID = os.environ.get('HUBSPOT_PORTAL_ID', '62515')
BASE_URL = 'https://api.hubapi.com'
DEBUG = bool(os.environ.get('HS_DEBUG'))


def iteritems(d):
    try:
        return d.iteritems()
    except AttributeError:
        return d.items()


def to_bytes(s):
    if isinstance(s, bytes):
        return s
    return s.encode('utf-8')


def build_url(path, **params):
    params['hapikey'] = HAPIKEY
    query = urlencode(sorted((k, v) for k, v in iteritems(params) if v is not None), True)
    return '%s%s?%s' % (BASE_URL, path, query)


def _open(req):
    if DEBUG:
        print('>>', req.get_method(), req.get_full_url(), file=sys.stderr)
    resp = urllib2.urlopen(req, timeout=30)
    body = resp.read()
    if not body:
        return None
    return json.loads(body.decode('utf-8'))


def api_get(path, **params):
    req = urllib2.Request(build_url(path, **params))
    req.add_header('Accept', 'application/json')
    return _open(req)


def api_post(path, body, **params):
    req = urllib2.Request(build_url(path, **params), to_bytes(json.dumps(body)),
                          {'Content-Type': 'application/json'})
    return _open(req)


def contact_props(contact):
    out = {}
    for name, value in iteritems(contact.get('properties', {})):
        if isinstance(value, dict):
            value = value.get('value')
        if isinstance(value, string_types):
            out[name] = value
    return out
