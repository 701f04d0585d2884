"""Standard-library-only scripts (2017, a box without pip): `hsapi.py` keeps URL
templates with `?hapikey=%s` (one with the key first and `&count=%d` after) used by
`urlopen`, a `Request(..., headers=JSON_HEADERS, method="POST")` built inline,
`http.client.HTTPSConnection` with `"/deals/v1/deal?hapikey=" + HAPIKEY` and with a path
from `urlencode({"hapikey": ...})`; `JSON_HEADERS` is a module constant that `internal.py`
also sends to the warehouse ingest service; `forms.py` posts a form submission to
forms.hubspot.com with no key."""

ENV = {"HUBSPOT_HAPIKEY": "key-main", "INGEST_URL": "http://warehouse.internal:9000/ingest"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent", "json": {
        "contacts": [{"vid": 1}, {"vid": 2}], "has-more": False}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/2/profile", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/1/profile", "json": {
        "vid": 1, "properties": {"email": {"value": "a@x.io"}}}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204, "body": ""},
    {"method": "GET", "url": r"/deals/v1/pipelines", "json": [
        {"pipelineId": "default", "stages": [{"stageId": "s1"}, {"stageId": "s2"}]}]},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 55}},
    {"method": "POST", "url": r"warehouse\.internal", "json": {"ok": True}},
    {"method": "POST", "url": r"forms\.hubspot\.com", "status": 204, "body": ""},
]


def case_nightly(credential):
    import nightly

    assert nightly.main() == 1


def case_create_deal(credential):
    import hsapi

    assert hsapi.create_deal("Big one", 5000, 1)["dealId"] == 55


def case_form_submission(credential):
    import forms

    assert forms.submit("11111111-2222-4333-8444-555555555555",
                        {"email": "x@y.io", "message": "hello"}, hutk="f00") == 204
