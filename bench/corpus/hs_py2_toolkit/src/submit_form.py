# -*- coding: utf-8 -*-
"""Post a lead into a HubSpot form (the old forms endpoint, no key needed)."""
from __future__ import print_function

import json

from hs_common import PORTAL_ID, iteritems, to_bytes, urlencode, urllib2

FORM_URL = 'https://forms.hubspot.com/uploads/form/v2/%s/%s'


def submit(form_guid, fields, hutk=None, ip=None, page_url=None, page_name=None):
    context = {}
    if hutk:
        context['hutk'] = hutk
    if ip:
        context['ipAddress'] = ip
    if page_url:
        context['pageUrl'] = page_url
    if page_name:
        context['pageName'] = page_name
    data = dict((k, v) for k, v in iteritems(fields))
    data['hs_context'] = json.dumps(context, sort_keys=True)
    req = urllib2.Request(FORM_URL % (PORTAL_ID, form_guid), to_bytes(urlencode(sorted(data.items()))),
                          {'Content-Type': 'application/x-www-form-urlencoded'})
    resp = urllib2.urlopen(req, timeout=15)
    code = resp.getcode()
    if code not in (200, 204, 302):
        print('form submission failed: %s' % code)
    return code
