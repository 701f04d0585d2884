"""A "scripts/" folder of one-off HubSpot utilities as found in many small-company repos
(2016-2020): a Raspberry Pi cron script with the portal key committed as a module constant
and a Slack post; a dedupe script whose functions default ``api_key=`` to a committed
literal and are optionally called with another key; an engagements dump whose key comes from
``os.environ.get`` with a literal fallback and whose URL template constant ends with the key
(``.format`` with keywords); and a webhook check for a public app using the *developer* key
in a ``.format`` template."""

import contextlib
import io

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_APP_ID": "196733",
    "HUBSPOT_DEVELOPER_HAPIKEY": "devkey-app",
}

HARDCODED = [
    "d4c1b2a3-9e8f-4a7b-8c6d-5e4f3a2b1c0d",
    "e2a94c1b-7d3f-4b8e-a6c5-0f1e2d3c4b5a",
    "7b2e9f10-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
]

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 1, "firstName": "Dana", "lastName": "Reyes", "email": "dana@example.com", "isActive": True},
              {"ownerId": 2, "firstName": "Old", "lastName": "User", "email": "old@example.com", "isActive": False}]},
    {"method": "POST", "url": r"hooks\.slack\.com", "json": {}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=0(&|$)",
     "json": {"contacts": [
         {"vid": 10, "properties": {"firstname": {"value": "Ann"}, "lastname": {"value": "Lee"}, "company": {"value": "Acme"}}},
         {"vid": 11, "properties": {"firstname": {"value": "ann "}, "lastname": {"value": "Lee"}, "company": {"value": "ACME"}}}],
         "has-more": True, "vid-offset": 11}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [
         {"vid": 12, "properties": {"firstname": {"value": "Ann"}, "lastname": {"value": "Lee"}, "company": {"value": "acme"}}},
         {"vid": 13, "properties": {"firstname": {"value": "Bo"}}}],
         "has-more": False, "vid-offset": 13}},
    {"method": "POST", "url": r"/contacts/v1/contact/merge-vids/\d+/", "json": {}},
    {"method": "GET", "url": r"/engagements/v1/engagements/paged.*offset=0(&|$)",
     "json": {"results": [{"engagement": {"id": 1, "type": "NOTE"}}], "hasMore": True, "offset": 1}},
    {"method": "GET", "url": r"/engagements/v1/engagements/paged",
     "json": {"results": [{"engagement": {"id": 2, "type": "CALL"}}], "hasMore": False, "offset": 2}},
    {"method": "GET", "url": r"/webhooks/v1/196733/subscriptions",
     "json": [{"id": 1, "enabled": True}, {"id": 2, "enabled": False}]},
    {"method": "PUT", "url": r"/webhooks/v1/196733/subscriptions/\d+", "json": {"id": 2, "enabled": True}},
]


def case_owners_to_slack(credential):
    import owners_to_slack
    with contextlib.redirect_stdout(io.StringIO()):
        owners_to_slack.main()


def case_dedupe_dry_run_builtin_key(credential):
    import dedupe_contacts
    with contextlib.redirect_stdout(io.StringIO()):
        dedupe_contacts.run(dry_run=True)


def case_dedupe_merge_other_portal(credential):
    import dedupe_contacts
    dedupe_contacts.run(dry_run=False, api_key=credential("eu_portal"))


def case_dedupe_merge_builtin_key(credential):
    import dedupe_contacts
    dedupe_contacts.merge(10, 11)


def case_engagements_dump(credential):
    import engagements_dump
    engagements_dump.dump(io.StringIO())


def case_check_webhooks(credential):
    import check_webhooks
    with contextlib.redirect_stdout(io.StringIO()):
        check_webhooks.check()
