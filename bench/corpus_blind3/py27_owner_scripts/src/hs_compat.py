# -*- coding: utf-8 -*-
"""Helpers shared by the 2.7 scripts and the newer py3 cron job (runs on both)."""
from __future__ import print_function

import json
import os

try:
    from urllib2 import Request, urlopen, HTTPError  # Python 2
    from urllib import urlencode
except ImportError:  # Python 3
    from urllib.request import Request, urlopen
    from urllib.error import HTTPError
    from urllib.parse import urlencode

HAPIKEY = os.environ.get('HUBSPOT_API_KEY')
API = 'https://api.hubapi.com'


def get_json(path, **query):
    query['hapikey'] = HAPIKEY
    url = API + path + '?' + urlencode(sorted(query.items()))
    try:
        return json.loads(urlopen(url, timeout=30).read().decode('utf-8'))
    except HTTPError as e:
        print('HTTP error', e.code, 'for', path)
        return None


def post_json(path, payload):
    url = '%s%s?hapikey=%s' % (API, path, HAPIKEY)
    req = Request(url, json.dumps(payload).encode('utf-8'), {'Content-Type': 'application/json'})
    return urlopen(req, timeout=30).getcode()
