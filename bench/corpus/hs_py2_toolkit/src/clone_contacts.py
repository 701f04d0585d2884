#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Clone recently updated contacts from one portal into another (batch endpoint).

  SOURCE_HAPIKEY=... DEST_HAPIKEY=... python clone_contacts.py
"""
from __future__ import print_function

import json
import os
import sys

try:
    import httplib
except ImportError:
    import http.client as httplib

from hs_common import contact_props

SOURCE_HAPIKEY = os.environ['SOURCE_HAPIKEY']
DEST_HAPIKEY = os.environ['DEST_HAPIKEY']
HOST = 'api.hubapi.com'
SKIP = ('lastmodifieddate', 'createdate', 'hs_object_id')


def hs_request(method, path, hapikey, body=None):
    conn = httplib.HTTPSConnection(HOST, timeout=30)
    sep = '&' if '?' in path else '?'
    headers = {'Content-Type': 'application/json', 'Accept': 'application/json'}
    payload = json.dumps(body) if body is not None else None
    conn.request(method, path + sep + 'hapikey=' + hapikey, payload, headers)
    resp = conn.getresponse()
    raw = resp.read()
    conn.close()
    if resp.status >= 400:
        raise RuntimeError('%s %s -> %s %s' % (method, path, resp.status, raw[:200]))
    return json.loads(raw.decode('utf-8')) if raw else None


def main(argv):
    count = int(argv[1]) if len(argv) > 1 else 20
    src = hs_request('GET', '/contacts/v1/lists/recently_updated/contacts/recent?count=%d' % count,
                     SOURCE_HAPIKEY)
    batch = []
    for c in src.get('contacts', []):
        props = contact_props(c)
        email = props.pop('email', None)
        if not email:
            continue
        batch.append({'email': email,
                      'properties': [{'property': k, 'value': v} for k, v in sorted(props.items())
                                     if k not in SKIP]})
    if not batch:
        print('nothing to clone')
        return
    hs_request('POST', '/contacts/v1/contact/batch/', DEST_HAPIKEY, batch)
    print('cloned %d contacts' % len(batch))


if __name__ == '__main__':
    main(sys.argv)
