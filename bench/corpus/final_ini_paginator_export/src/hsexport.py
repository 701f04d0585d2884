# -*- coding: utf-8 -*-
"""Export all contacts from HubSpot to CSV.

Config lives in settings.ini (see README). Written for the 2017 CRM clean-up.
"""
import configparser
import csv
import io
import os

import requests

CONFIG_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "settings.ini")


def load_config(path=CONFIG_FILE):
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(path)
    key = cfg.get("hubspot", "api_key")
    if key.startswith("${"):
        key = os.environ.get(key[2:-1], "")
    cfg.set("hubspot", "api_key", key)
    return cfg


class ContactPages(object):
    """Iterate over every contact, following vid-offset."""

    url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"

    def __init__(self, api_key, properties=(), page_size=100, session=None):
        self.base_params = {"hapikey": api_key, "count": page_size}
        self.properties = list(properties)
        self.session = session or requests.Session()

    def fetch(self, **extra):
        params = dict(self.base_params, **extra)
        if self.properties:
            params["property"] = self.properties
        r = self.session.get(self.url, params=params)
        r.raise_for_status()
        return r.json()

    def __iter__(self):
        offset = None
        while True:
            page = self.fetch(vidOffset=offset) if offset else self.fetch()
            for contact in page.get("contacts", []):
                yield contact
            if not page.get("has-more"):
                return
            offset = page.get("vid-offset")


def flatten(contact, properties):
    props = contact.get("properties", {})
    row = {"vid": contact.get("vid")}
    for name in properties:
        row[name] = props.get(name, {}).get("value", "")
    return row


def export(cfg=None, out=None):
    cfg = cfg or load_config()
    props = cfg.get("export", "properties").split(",")
    pages = ContactPages(cfg.get("hubspot", "api_key"), props,
                         page_size=cfg.getint("hubspot", "page_size"))
    out = out or io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["vid"] + props)
    writer.writeheader()
    n = 0
    for contact in pages:
        writer.writerow(flatten(contact, props))
        n += 1
    return n, out


def owners(cfg=None):
    cfg = cfg or load_config()
    base = {"hapikey": cfg.get("hubspot", "api_key")}
    r = requests.get("https://api.hubapi.com/owners/v2/owners",
                     params=dict(base, includeInactive="true"))
    return {o["ownerId"]: o.get("email") for o in r.json()} if r.ok else {}


if __name__ == "__main__":
    count, buf = export()
    with open(load_config().get("export", "outfile"), "w") as fh:
        fh.write(buf.getvalue())
    print("exported %d contacts" % count)
