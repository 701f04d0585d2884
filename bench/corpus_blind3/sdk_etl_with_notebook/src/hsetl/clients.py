"""SDK clients, built once from settings.json."""
import json
import os

from hubspot import HubSpot
from hubspot3 import Hubspot3

with open("settings.json") as _fh:
    SETTINGS = json.load(_fh)


def _api_key():
    return os.environ[SETTINGS["hubspot"]["api_key_env"]]


def crm_client():
    return HubSpot(api_key=_api_key())


def legacy_client():
    """hubspot3 for the v1/v2 bits the new SDK does not cover well."""
    return Hubspot3(api_key=_api_key(), timeout=20)
