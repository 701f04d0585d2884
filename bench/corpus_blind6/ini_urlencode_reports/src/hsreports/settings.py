"""Reads settings.ini (next to the scripts) into module constants."""
import configparser
import os

_parser = configparser.ConfigParser()
_parser.read(os.environ.get("HSREPORTS_SETTINGS", "settings.ini"))

HUBSPOT_API_KEY = _parser.get("hubspot", "api_key")
HUBSPOT_PORTAL_ID = _parser.getint("hubspot", "portal_id")
WAREHOUSE_HOST = _parser.get("warehouse", "host")
WAREHOUSE_KEY = _parser.get("warehouse", "api_key")

HUBSPOT_HOST = "api.hubapi.com"
