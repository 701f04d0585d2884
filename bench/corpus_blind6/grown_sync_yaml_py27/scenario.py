"""A 2016 single-file sync script grown into a package: `legacy/sync_2016.py` (Python 2.7,
urllib2, print statements: cannot run here, must stay valid Python 2) beside `hubsync/`
whose `config.py` reads `config.yml` (PyYAML) and a hand-rolled `.env` loader into
`API_KEY`; `session.py` subclasses `requests.Session` and adds the key in `request()` only
when the URL contains `hubapi.com`, retrying 429/5xx; the sync pages a list with
`has-more`/`vid-offset`, updates a contact and posts to a Zapier hook through the same
session (the key must not go there, nor a token). `owners.py` takes its base URL from a
constructor argument or `HUBSPOT_BASE_URL` (HubSpot by default; a Prism mock in
the project's tests: two cases run against it)."""

ENV = {"HUBSPOT_API_KEY": "key-main", "ZAPIER_ENABLED": "1"}

CASE_ENV = {"case_owners_against_mock_env": {"HUBSPOT_BASE_URL": "http://127.0.0.1:4010"}}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"email": "b@x.com"}, {"email": "a@x.com"}]},
    {"method": "GET", "url": r"/contacts/v1/lists/88/contacts/all.*vidOffset=", "json": {"contacts": [
        {"vid": 3, "properties": {"email": {"value": "c@x.com"}}}], "has-more": False, "vid-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/88/contacts/all", "json": {"contacts": [
        {"vid": 1, "properties": {"email": {"value": "a@x.com"}, "membership_level": {"value": "gold"}}},
        {"vid": 2, "properties": {"email": {"value": "b@x.com"}}}], "has-more": True, "vid-offset": 2}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/3/profile", "status": 204, "body": ""},
    {"method": "POST", "url": r"hooks\.zapier\.com", "json": {"status": "success"}},
]


def case_sync(credential):
    from hubsync import sync
    db = {"b@x.com": "basic"}
    assert sync.run(db) == ["a@x.com", "c@x.com"]


def case_session_other_host(credential):
    from hubsync.session import HubSpotSession
    s = HubSpotSession(credential("tenant"))
    assert s.get("https://api.hubapi.com/contacts/v1/contact/vid/3/profile").status_code == 200
    assert s.post("https://hooks.zapier.com/hooks/catch/1111/abcdef/", json={}).status_code == 200


def case_owners(credential):
    from hubsync.owners import OwnersClient
    assert OwnersClient().emails() == ["a@x.com", "b@x.com"]


def case_owners_against_mock_env(credential):
    from hubsync.owners import OwnersClient
    assert OwnersClient().emails() == ["a@x.com", "b@x.com"]


def case_owners_against_mock_argument(credential):
    from hubsync.owners import OwnersClient
    assert OwnersClient(base_url="http://localhost:4010").emails() == ["a@x.com", "b@x.com"]
