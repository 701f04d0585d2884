"""hubspot3 has no wrapper for the CRM associations API (v1), so: raw requests."""
import requests

from crm import conf

URL = "https://api.hubapi.com/crm-associations/v1/associations"
CONTACT_TO_COMPANY = 1
DEAL_TO_CONTACT = 3


def associated_ids(object_id, definition_id, api_key=None):
    url = "%s/%s/HUBSPOT_DEFINED/%s" % (URL, object_id, definition_id)
    params = {"hapikey": api_key or conf.API_KEY, "limit": 100}
    ids, offset = [], None
    while True:
        if offset:
            params["offset"] = offset
        r = requests.get(url, params=params)
        r.raise_for_status()
        data = r.json()
        ids += data.get("results", [])
        if not data.get("hasMore"):
            return ids
        offset = data["offset"]


def associate(from_id, to_id, definition_id, api_key=None):
    r = requests.put(URL, params={"hapikey": api_key or conf.API_KEY},
                     json={"fromObjectId": from_id, "toObjectId": to_id,
                           "category": "HUBSPOT_DEFINED", "definitionId": definition_id})
    r.raise_for_status()
    return r.status_code == 204
