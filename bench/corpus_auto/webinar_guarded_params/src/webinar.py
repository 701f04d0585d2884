"""Push webinar registrants into HubSpot and put them on the webinar's static list."""
import os

import requests

import hs

ZOOM_API = "https://api.zoom.us/v2"


def registrants(webinar_id):
    r = requests.get(
        "%s/webinars/%s/registrants" % (ZOOM_API, webinar_id),
        headers={"Authorization": "Bearer " + os.environ.get("ZOOM_JWT", "")},
        params={"page_size": 300},
    )
    r.raise_for_status()
    return r.json()["registrants"]


def ensure_list(name):
    lists = hs.hs_get("/contacts/v1/lists/static", {"count": 250})["lists"]
    for lst in lists:
        if lst["name"] == name:
            return lst["listId"]
    created = hs.hs_post("/contacts/v1/lists", {"name": name, "dynamic": False})
    return created["listId"]


def sync(webinar_id, list_name):
    list_id = ensure_list(list_name)
    vids = []
    for person in registrants(webinar_id):
        contact = hs.hs_post(
            "/contacts/v1/contact/createOrUpdate/email/%s/" % person["email"],
            {"properties": [
                {"property": "firstname", "value": person.get("first_name", "")},
                {"property": "webinar_registered", "value": str(webinar_id)},
            ]},
        )
        if contact:
            vids.append(contact["vid"])
    hs.hs_post("/contacts/v1/lists/%s/add" % list_id, {"vids": vids})
    return vids


def list_size(list_id):
    # quick check used from the ops notebook
    r = requests.get(
        "https://api.hubapi.com/contacts/v1/lists/%s" % list_id,
        params={"hapikey": os.environ["HUBSPOT_KEY"]},
    )
    return r.json().get("metaData", {}).get("size", 0)


def drop_list(list_id):
    return hs.hs_delete("/contacts/v1/lists/%s" % list_id)
