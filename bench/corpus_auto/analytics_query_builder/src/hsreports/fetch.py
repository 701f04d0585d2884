import json
import logging

import requests

from hsreports import urls

log = logging.getLogger(__name__)


def get_json(url):
    resp = requests.get(url, timeout=20)
    resp.raise_for_status()
    return resp.json()



def totals(start, end, period="total"):
    url = urls.with_options("/analytics/v2/reports/totals/" + period,
                            "&start=%s&end=%s" % (start, end))
    return get_json(url)


def sources(start, end):
    return get_json(urls.build("/analytics/v2/reports/sources/total",
                               start=start, end=end, filter=None, limit=50))


def pages(start, end, limit=None):
    return get_json(urls.build("/analytics/v2/reports/pages/total",
                               start=start, end=end, limit=limit))



# --- single records ---

def contact(vid):
    return get_json(urls.contact_props(vid, ["email", "hs_analytics_source", "num_visits"]))


def owners():
    return get_json(urls.api_url("/owners/v2/owners"))
