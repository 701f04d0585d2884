# -*- coding: utf-8 -*-
"""One requests.Session for the whole reporting package, so connections get
reused across the (many) small HubSpot calls a report makes."""

import os

import requests

API = "https://api.hubapi.com"

session = requests.Session()
session.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
session.headers.update({"Accept": "application/json"})

# HubSpot occasionally resets connections on long reports; a couple of
# automatic retries on the adapter level smooths that out.
_adapter = requests.adapters.HTTPAdapter(max_retries=2)
session.mount("https://", _adapter)


def url(path):
    return API + path
