#!/usr/bin/env python
# -*- coding: utf-8 -*-
"""
sync_members.py - push the members CSV export into HubSpot

usage: python sync_members.py members.csv [list_id]

crontab: 15 3 * * * cd /opt/hubspot_sync && python sync_members.py /srv/export/members.csv 7
"""
from __future__ import print_function

import csv
import io
import sys

from hubspot_sync import contacts, forms


def read_members(fh):
    rows = []
    for row in csv.DictReader(fh):
        rows.append({'email': row['Email'].strip(), 'first': row['First'],
                     'last': row['Last'], 'level': row['Level'],
                     'newsletter': row.get('Newsletter') == 'Y'})
    return rows


def main(argv, fh=None):
    if fh is None:
        fh = io.open(argv[1], encoding='utf-8')
    list_id = int(argv[2]) if len(argv) > 2 else None
    members = read_members(fh)
    vids = []
    for m in members:
        vid = contacts.upsert(m)
        if vid:
            vids.append(vid)
        if m['newsletter']:
            forms.submit_newsletter(m['email'], m['first'], 'https://members.example.org/join')
        print('synced %s -> %s' % (m['email'], vid))
    if list_id and vids:
        contacts.add_to_list(list_id, vids)
    known = set(contacts.all_vids())
    print('%d members, %d contacts in HubSpot' % (len(members), len(known)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
