"""settings.ini, read once."""
import configparser
import os

_parser = configparser.ConfigParser()
_parser.read(os.environ.get("AGENCYHUB_INI", "settings.ini"))

HUBSPOT_BASE_URL = _parser.get("hubspot", "base_url")
HUBSPOT_PORTAL_ID = _parser.getint("hubspot", "portal_id")
HUBSPOT_API_KEY = os.environ.get(_parser.get("hubspot", "api_key_env"))
CURRENCY = _parser.get("report", "currency", fallback="USD")
