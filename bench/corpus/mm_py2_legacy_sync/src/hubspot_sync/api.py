# -*- coding: utf-8 -*-
import logging

from hubspot_sync.compat import HTTPError, Request, json, urlopen

log = logging.getLogger('hubspot_sync')


def get_json(url):
    try:
        resp = urlopen(url)
    except HTTPError as e:
        if e.code == 404:
            return None
        raise
    return json.loads(resp.read().decode('utf-8'))


def send_json(url, data, method='POST'):
    body = json.dumps(data).encode('utf-8')
    req = Request(url, body, {'Content-Type': 'application/json'})
    if method != 'POST':
        # urllib2 only knows GET/POST
        req.get_method = lambda: method
    resp = urlopen(req)
    raw = resp.read()
    if not raw:
        return None
    return json.loads(raw.decode('utf-8'))
