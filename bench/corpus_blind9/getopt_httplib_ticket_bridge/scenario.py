"""A Zendesk -> HubSpot tickets bridge (2018-2019, written to run on Python 2 and 3):
`getopt` options (`-k HAPIKEY` overrides $HUBSPOT_HAPIKEY), a shared `json_request(host,
method, path, ...)` on `http.client.HTTPSConnection` used for both Zendesk (basic auth)
and HubSpot, paths built by `_path(path, **query)` that sets `query["hapikey"]` and
`urlencode`s, and one association URL concatenating `"?hapikey=" + self.api_key`.
Zendesk's incremental export pages by `next_page` URLs."""

ENV = {
    "HUBSPOT_HAPIKEY": "key-main",
    "ZENDESK_SUBDOMAIN": "acmesupport",
    "ZENDESK_EMAIL": "ops@acme.com",
    "ZENDESK_TOKEN": "zdtok123",
}

RESPONSES = [
    {"method": "GET", "url": r"zendesk\.com/api/v2/incremental/tickets\.json\?start_time=1600000500",
     "json": {"tickets": [{"id": 12, "subject": "Refund", "status": "solved",
                           "via": {"source": {"from": {}}}}],
              "end_of_stream": True}},
    {"method": "GET", "url": r"zendesk\.com/api/v2/incremental/tickets\.json",
     "json": {"tickets": [{"id": 11, "subject": "Login broken", "status": "open",
                           "description": "cannot log in",
                           "via": {"source": {"from": {"address": "ann@cust.com"}}}},
                          {"id": 13, "subject": "Spam", "status": "new",
                           "via": {"source": {"from": {"address": "x@spam.biz"}}}}],
              "next_page": "https://acmesupport.zendesk.com/api/v2/incremental/tickets.json?start_time=1600000500",
              "end_of_stream": False}},
    {"method": "POST", "url": r"/crm-objects/v1/objects/tickets", "json": {"objectId": 3001}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/ann%40cust\.com/profile", "json": {"vid": 55}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "status": 404, "json": {"message": "not found"}},
    {"method": "PUT", "url": r"/crm-associations/v1/associations", "status": 204},
]


def case_copy_tickets(credential):
    from zd2hs import main
    assert main.main(["-v", "--start", "1600000000"]) == 0


def case_copy_with_key_option(credential):
    from zd2hs import main
    assert main.main(["-k", credential("support"), "-p", "777"]) == 0


def case_dry_run(credential):
    from zd2hs import main
    assert main.main(["-n"]) == 0
