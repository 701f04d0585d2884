"""HubSpot client with a class-level host, subclassed per environment."""
import functools
import logging
import os

import requests

logger = logging.getLogger(__name__)


class HubSpotClient(object):
    BASE_URL = "https://api.hubapi.com"
    SEND_KEY = True

    def __init__(self, api_key=None, session=None):
        self.api_key = api_key or os.environ.get("HUBSPOT_API_KEY")
        self.session = session or requests.Session()
        self.session.headers["Accept"] = "application/json"

    def request(self, method, path, params=None, **kwargs):
        query = {}
        if self.SEND_KEY:
            query["hapikey"] = self.api_key
        query.update(params or {})
        url = self.BASE_URL + path
        logger.debug("%s %s", method, url)
        response = self.session.request(method, url, params=query, **kwargs)
        response.raise_for_status()
        return response.json()

    def __getattr__(self, verb):
        if verb in ("get", "post", "put", "delete"):
            return functools.partial(self.request, verb.upper())
        raise AttributeError(verb)

    # -- resources
    def list_forms(self):
        return self.get("/forms/v2/forms")

    def get_form(self, guid):
        return self.get("/forms/v2/forms/%s" % guid)

    def create_form(self, form):
        return self.post("/forms/v2/forms", json=form)

    def deal_properties(self):
        return self.get("/properties/v1/deals/properties")


class EUClient(HubSpotClient):
    """Portals hosted in the EU data centre."""
    BASE_URL = "https://api-eu1.hubapi.com"


class MirrorClient(HubSpotClient):
    """Read-only replay server used for staging copies: it holds a snapshot of the
    portal and must never receive a credential."""
    BASE_URL = os.environ.get("HUBSPOT_MIRROR_URL", "http://hubspot-mirror.staging.internal:8080")
    SEND_KEY = False
