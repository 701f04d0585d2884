"""Zendesk-to-HubSpot note sync from the Python 2.7 era: a urllib2/urllib.request opener
built with build_opener() and a custom BaseHandler that rewrites req.full_url to append
hapikey for the API host only (the same opener also calls Zendesk with Basic auth), next
to older helpers that put the key into the URL by hand, one with urlopen(url), one with a
Request object whose data is positional (a POST)."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "ZENDESK_SUBDOMAIN": "acme",
    "ZENDESK_BASIC": "YWdlbnRAYWNtZS5pbzpwdw==",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"zendesk\.com/api/v2/views/\d+/tickets",
        "json": {
            "tickets": [
                {"id": 9001, "subject": "Cannot log in", "requester_email": "ann@x.io"},
                {"id": 9002, "subject": "Refund", "requester_email": "nobody@x.io"},
            ]
        },
    },
    {"method": "GET", "url": r"/contacts/v1/contact/email/ann%40x\.io/profile", "json": {"vid": 301}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/nobody", "status": 404, "json": {"status": "error"}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 66, "email": "support@acme.io"}]},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/301/profile", "status": 204},
]


def case_sync(credential):
    import sync_tickets

    assert sync_tickets.sync() == 1


def case_owner_lookup(credential):
    from hsurl import api

    api.owner_by_email("support@acme.io")


def case_raw_hs_call(credential):
    from hsurl import api

    api.hs("/deals/v1/deal/paged?limit=5&properties=dealname")
