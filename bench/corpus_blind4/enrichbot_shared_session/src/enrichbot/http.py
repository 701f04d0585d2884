"""One HTTP session for HubSpot, shared by every module of the bot."""
import requests
from requests.adapters import HTTPAdapter

from enrichbot import settings

HUBSPOT = "https://api.hubapi.com"

session = requests.Session()
session.headers.update(settings.DEFAULT_HEADERS)
session.params = {"hapikey": settings.HUBSPOT_KEY}
session.mount("https://", HTTPAdapter(max_retries=2))


def hs_url(path, *args):
    return HUBSPOT + (path % args if args else path)
