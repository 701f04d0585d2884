#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""Print recently updated contacts, optionally add them to a static list."""
from __future__ import print_function

import sys

from hs_common import api_get, api_post, contact_props


def recent(count=100, max_pages=5):
    params = {'count': count}
    contacts = []
    for _ in range(max_pages):
        data = api_get('/contacts/v1/lists/recently_updated/contacts/recent', **params)
        contacts.extend(data.get('contacts', []))
        if not data.get('has-more'):
            break
        params['vidOffset'] = data['vid-offset']
        params['timeOffset'] = data['time-offset']
    return contacts


def add_to_list(list_id, vids):
    return api_post('/contacts/v1/lists/%s/add' % list_id, {'vids': list(vids)})


def main(argv):
    contacts = recent()
    for c in contacts:
        p = contact_props(c)
        print(u'%s\t%s %s' % (p.get('email', ''), p.get('firstname', ''), p.get('lastname', '')))
    if len(argv) > 1:
        result = add_to_list(argv[1], [c['vid'] for c in contacts])
        print('added: %d' % len((result or {}).get('updated', [])))


if __name__ == '__main__':
    main(sys.argv)
