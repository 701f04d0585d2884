"""A 2015 folder of cron scripts by one author: `from config import *` gives HAPIKEY and
BASE to `hubspot_utils.py` (camelCase helpers) which glue the key into URLs with `+`,
`%`, positional and named `.format`; `export_contacts.py` is a top-level script run as
__main__ (contacts v1 paging on `has-more`/`vid-offset`), `update_deals.py` reads recent
deals with `urllib.request.urlopen` and updates them with requests; Slack webhook noise."""

ENV = {"HAPIKEY": "key-main", "SLACK_HOOK": "https://hooks.slack.com/services/T1/B2/abc"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=0",
     "json": {"contacts": [{"vid": 1, "properties": {"email": {"value": "a@x.com"}}}],
              "has-more": True, "vid-offset": 1}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 2, "properties": {"firstname": {"value": "Bo"}}}],
              "has-more": False, "vid-offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/nobody@x\.com/profile", "status": 404,
     "json": {"status": "error"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 77}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified",
     "json": {"results": [{"dealId": 11}, {"dealId": 12}, {"dealId": 13}]}},
    {"method": "GET", "url": r"/deals/v1/deal/12\b",
     "json": {"dealId": 12, "properties": {"dealstage": {"value": "closedwon"}}}},
    {"method": "GET", "url": r"/deals/v1/deal/\d+",
     "json": {"dealId": 11, "properties": {"dealstage": {"value": "contractsent"}}}},
]


def case_export_script(credential):
    import os
    import runpy
    import sys
    import tempfile
    out = os.path.join(tempfile.mkdtemp(), "c.csv")
    sys.argv = ["export_contacts.py", out]
    runpy.run_path("export_contacts.py", run_name="__main__")
    with open(out) as f:
        assert len(f.read().splitlines()) == 3


def case_update_deals(credential):
    import update_deals
    assert update_deals.main(["11", "12"]) == 1


def case_mark_customer(credential):
    import update_deals
    assert update_deals.markCustomer("a@x.com") is True
    assert update_deals.markCustomer("nobody@x.com") is False
