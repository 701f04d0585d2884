#!/usr/bin/env python3
"""Copy CRM setup (contact property groups + properties) and companies from one
HubSpot portal to another, e.g. sandbox -> production.

    FROM_KEY=<sandbox key> TO_KEY=<prod key> python3 copy_portal.py [--companies]
"""
import argparse
import logging
import os
import sys
import time

import requests

FROM_KEY = os.environ.get("FROM_KEY")
TO_KEY = os.environ.get("TO_KEY")

API = "https://api.hubapi.com"
THROTTLE = 0.11

log = logging.getLogger("copy_portal")

# HubSpot-defined properties/groups can't be created, skip them
READ_ONLY_FIELDS = ("hubspotDefined", "createdUserId", "updatedUserId", "createdAt", "updatedAt")


def get_groups(hapikey):
    r = requests.get(API + "/properties/v1/contacts/groups", params={"hapikey": hapikey})
    r.raise_for_status()
    return r.json()


def get_properties(hapikey):
    r = requests.get(API + "/properties/v1/contacts/properties", params={"hapikey": hapikey})
    r.raise_for_status()
    return r.json()


def create_group(hapikey, group):
    body = {"name": group["name"], "displayName": group["displayName"], "displayOrder": group.get("displayOrder", -1)}
    r = requests.post(API + "/properties/v1/contacts/groups", params={"hapikey": hapikey}, json=body)
    if r.status_code == 409:
        log.info("group %s already exists", group["name"])
        return
    r.raise_for_status()


def create_property(hapikey, prop):
    body = {k: v for k, v in prop.items() if k not in READ_ONLY_FIELDS}
    r = requests.post(API + "/properties/v1/contacts/properties", params={"hapikey": hapikey}, json=body)
    if r.status_code == 409:
        log.info("property %s already exists", prop["name"])
        return
    r.raise_for_status()


def get_property(hapikey, name):
    r = requests.get(API + "/properties/v1/contacts/properties/named/%s" % name, params={"hapikey": hapikey})
    if r.status_code == 404:
        return None
    r.raise_for_status()
    return r.json()


def copy_one_property(name):
    """Copy a single property even if the schema diff says it's there (fixes options)."""
    prop = get_property(FROM_KEY, name)
    if prop is None:
        log.error("no property %s in source portal", name)
        return
    create_group(TO_KEY, {"name": prop["groupName"], "displayName": prop["groupName"].title()})
    body = {k: v for k, v in prop.items() if k not in READ_ONLY_FIELDS + ("name",)}
    r = requests.put(API + "/properties/v1/contacts/properties/named/" + name,
                     params={"hapikey": TO_KEY}, json=body)
    if r.status_code == 404:
        create_property(TO_KEY, prop)
    else:
        r.raise_for_status()


def copy_schema():
    dest_groups = set(g["name"] for g in get_groups(TO_KEY))
    for g in get_groups(FROM_KEY):
        if g["name"] not in dest_groups:
            log.info("creating group %s", g["name"])
            create_group(TO_KEY, g)
            time.sleep(THROTTLE)

    dest_props = set(p["name"] for p in get_properties(TO_KEY))
    for p in get_properties(FROM_KEY):
        if p.get("hubspotDefined") or p["name"] in dest_props:
            continue
        log.info("creating property %s", p["name"])
        create_property(TO_KEY, p)
        time.sleep(THROTTLE)


def iter_companies(hapikey, properties=("name", "domain", "industry", "city", "country")):
    offset = 0
    while True:
        r = requests.get(API + "/companies/v2/companies/paged", params={
            "hapikey": hapikey, "limit": 250, "offset": offset, "properties": list(properties)})
        r.raise_for_status()
        data = r.json()
        for c in data["companies"]:
            yield c
        if not data["has-more"]:
            return
        offset = data["offset"]


def copy_companies():
    copied = 0
    for company in iter_companies(FROM_KEY):
        props = [{"name": k, "value": v["value"]} for k, v in company["properties"].items()]
        r = requests.post(API + "/companies/v2/companies?hapikey=" + TO_KEY, json={"properties": props})
        if r.status_code >= 400:
            log.error("failed to copy company %s: %s", company["companyId"], r.text)
            continue
        copied += 1
        time.sleep(THROTTLE)
    log.info("copied %d companies", copied)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", action="store_true", help="also copy company records")
    parser.add_argument("--property", action="append", default=[], help="copy just this property (repeatable)")
    args = parser.parse_args(argv)

    if not FROM_KEY or not TO_KEY:
        sys.exit("FROM_KEY and TO_KEY must both be set")
    if FROM_KEY == TO_KEY:
        sys.exit("FROM_KEY and TO_KEY are the same portal, refusing to run")

    if args.property:
        for name in args.property:
            copy_one_property(name)
        return

    copy_schema()
    if args.companies:
        copy_companies()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    main()
