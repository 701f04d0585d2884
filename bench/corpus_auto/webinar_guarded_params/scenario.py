"""Webinar registrants to HubSpot (2020): helpers in `hs.py` add the key only when the
caller did not (`if "hapikey" not in params: params["hapikey"] = KEY`,
`if not params.get("hapikey")`, `params.setdefault("hapikey", KEY)`); `webinar.py` reads
registrants from Zoom with its own Bearer token (another host) and calls the helpers, and
reads the same variable again with `os.environ[...]` for one direct request."""

ENV = {"HUBSPOT_KEY": "key-main", "ZOOM_JWT": "oauth-zoom"}

RESPONSES = [
    {"method": "GET", "url": r"api\.zoom\.us/v2/webinars/\d+/registrants",
     "json": {"registrants": [{"email": "a@example.com", "first_name": "A"},
                              {"email": "dup@example.com"}]}},
    {"method": "GET", "url": r"/contacts/v1/lists/static",
     "json": {"lists": [{"name": "Other", "listId": 1}]}},
    {"method": "POST", "url": r"/contacts/v1/lists(\?|$)", "json": {"listId": 44}},
    {"method": "POST", "url": r"/createOrUpdate/email/dup@", "status": 409, "json": {}},
    {"method": "POST", "url": r"/createOrUpdate/email/", "json": {"vid": 901}},
    {"method": "POST", "url": r"/contacts/v1/lists/44/add", "json": {"updated": [901]}},
    {"method": "DELETE", "url": r"/contacts/v1/lists/44", "status": 204, "text": ""},
    {"method": "GET", "url": r"/contacts/v1/lists/44", "json": {"metaData": {"size": 3}}},
]


def case_sync(credential):
    import webinar

    assert webinar.sync(8123, "Webinar 8123") == [901]


def case_drop(credential):
    import webinar

    assert webinar.list_size(44) == 3
    assert webinar.drop_list(44) == 204


def case_static_lists(credential):
    import hs

    assert hs.hs_get("/contacts/v1/lists/static")["lists"][0]["listId"] == 1
