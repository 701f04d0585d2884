"""Static list membership -- the v3 SDK has no lists API, so this still uses
the v1 endpoint directly."""
import requests

from bridge import settings

LISTS_URL = "https://api.hubapi.com/contacts/v1/lists/{list_id}/add"
LISTS_REMOVE_URL = "https://api.hubapi.com/contacts/v1/lists/{list_id}/remove"


def add_to_signup_list(emails, list_id=None):
    list_id = list_id or settings.HUBSPOT_SIGNUP_LIST_ID
    resp = requests.post(
        LISTS_URL.format(list_id=list_id),
        params={"hapikey": settings.HUBSPOT_API_KEY},
        json={"emails": list(emails)},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()


def remove_from_signup_list(vids, list_id=None):
    params = {"hapikey": settings.HUBSPOT_API_KEY}
    url = LISTS_REMOVE_URL.format(list_id=list_id or settings.HUBSPOT_SIGNUP_LIST_ID)
    resp = requests.post(url, params=params, json={"vids": [int(v) for v in vids]}, timeout=30)
    resp.raise_for_status()
    return resp.json()
