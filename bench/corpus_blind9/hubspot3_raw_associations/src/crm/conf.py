import configparser
import os

cfg = configparser.ConfigParser()
cfg.read(os.path.join(os.path.dirname(__file__), "..", "hubspot.ini"))

API_KEY = os.getenv("HUBSPOT_KEY", cfg.get("hubspot", "api_key", fallback=None))
PORTAL_ID = cfg.get("hubspot", "portal_id", fallback=None)
OAUTH_TOKEN = os.getenv("HUBSPOT_OAUTH")
