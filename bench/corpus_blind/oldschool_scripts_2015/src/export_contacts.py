#!/usr/bin/env python
# exports all contacts to contacts.csv
# usage: python export_contacts.py
import csv
import sys
from hubspot_utils import *

out = 'contacts.csv'
if len(sys.argv) > 1:
    out = sys.argv[1]

contacts = getAllContacts()
print('got ' + str(len(contacts)) + ' contacts')

f = open(out, 'w')
w = csv.writer(f)
w.writerow(['vid', 'email', 'firstname', 'lastname'])
for c in contacts:
    p = c['properties']
    email = ''
    if 'email' in p:
        email = p['email']['value']
    fn = ''
    if 'firstname' in p:
        fn = p['firstname']['value']
    ln = ''
    if 'lastname' in p:
        ln = p['lastname']['value']
    w.writerow([c['vid'], email, fn, ln])
f.close()

slack('exported ' + str(len(contacts)) + ' contacts from hubspot')
