"""Full URLs for the HubSpot endpoints the reports read."""
from urllib.parse import urlencode

from hsreports.settings import HUBSPOT_API_KEY

BASE = "https://api.hubapi.com"


def hubspot_url(path, **query):
    params = {"hapikey": HUBSPOT_API_KEY}
    params.update(query)
    return BASE + path + "?" + urlencode(params, doseq=True)


def deals_url(offset=0):
    return "{}/deals/v1/deal/paged?{}".format(
        BASE, urlencode({"hapikey": HUBSPOT_API_KEY, "limit": 100, "offset": offset,
                         "properties": ["amount", "dealstage"]}, doseq=True))
