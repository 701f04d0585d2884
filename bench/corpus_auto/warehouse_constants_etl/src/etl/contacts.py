import logging

import requests

from etl.constants import BASE_URL, PAGE_SIZE, PARAMS

logger = logging.getLogger("etl.contacts")


def all_contacts(properties=("email", "firstname", "lastname")):
    out, offset = [], None
    while True:
        query = dict(PARAMS)
        query["count"] = PAGE_SIZE
        query["property"] = list(properties)
        if offset:
            query["vidOffset"] = offset
        r = requests.get(BASE_URL + "/contacts/v1/lists/all/contacts/all", params=query)
        r.raise_for_status()
        body = r.json()
        out += body["contacts"]
        logger.info("contacts: %d so far", len(out))
        if not body["has-more"]:
            return out
        offset = body["vid-offset"]
