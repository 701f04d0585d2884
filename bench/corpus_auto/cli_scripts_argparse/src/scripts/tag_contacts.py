#!/usr/bin/env python3
"""Set a property on every contact listed in a file of e-mail addresses.

usage: tag_contacts.py [-k API_KEY] emails.txt property value
"""
import argparse
import json
import os
import urllib.error
import urllib.request

HS = "https://api.hubapi.com"


def update(email, prop, value, api_key):
	body = json.dumps({"properties": [{"property": prop, "value": value}]}).encode()
	req = urllib.request.Request(
		"%s/contacts/v1/contact/email/%s/profile?hapikey=%s" % (HS, email, api_key),
		data=body, headers={"Content-Type": "application/json"}, method="POST")
	try:
		with urllib.request.urlopen(req, timeout=20) as resp:
			return resp.status
	except urllib.error.HTTPError as err:
		return err.code


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("-k", "--api-key", default=os.environ.get("HUBSPOT_API_KEY"))
    p.add_argument("emails")
    p.add_argument("property")
    p.add_argument("value")
    a = p.parse_args(argv)
    if not a.api_key:
        p.error("no API key (use -k or set HUBSPOT_API_KEY)")
    results = {}
    with open(a.emails) as fh:
        for line in fh:
        	email = line.strip()
        	if email and not email.startswith("#"):
        	    results[email] = update(email, a.property, a.value, a.api_key)
    return results
