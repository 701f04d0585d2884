"""HubSpot client for the agency portal; any call can be made against a client's
portal instead by passing that portal's api_key."""
import logging

import requests

from agencyhub import settings

log = logging.getLogger(__name__)


class HubSpotClient(object):
    base = settings.HUBSPOT_BASE_URL

    def __init__(self, api_key=None):
        self.api_key = api_key or settings.HUBSPOT_API_KEY

    def get(self, path, api_key=None, **params):
        params["hapikey"] = api_key or self.api_key
        resp = requests.get(self.base + path, params=params, timeout=20)
        resp.raise_for_status()
        return resp.json()

    def post(self, path, data, api_key=None):
        url = "%s%s?hapikey=%s" % (self.base, path, api_key or self.api_key)
        resp = requests.post(url, json=data, timeout=20)
        resp.raise_for_status()
        return resp.json() if resp.content else {}


client = HubSpotClient()
