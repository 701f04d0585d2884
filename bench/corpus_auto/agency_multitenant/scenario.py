"""Agency reporting for many client portals (2018): each client's API key lives in a
database table (sqlite stub), jobs look it up per portal and pass it to module functions
`recent_deals(api_key, ...)`, `contact_count(api_key)` and `add_note(api_key, ...)`
that send it as `params={"hapikey": api_key}` or in the URL; usage figures go to the
agency's billing API. The agency's own two portals (US and EU) have a key each in the
environment, kept in a dict and chosen per call."""

ENV = {"HUBSPOT_KEY_US": "key-us", "HUBSPOT_KEY_EU": "key-eu"}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/recent/created.*offset=0",
     "json": {"results": [{"properties": {"dealstage": {"value": "closedwon"},
                                          "amount": {"value": "100"}}}],
              "hasMore": True, "offset": 1}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/created",
     "json": {"results": [{"properties": {"dealstage": {"value": "appointment"}}}],
              "hasMore": False, "offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/contacts/statistics", "json": {"contacts": 40}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {}},
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 1}},
    {"method": "POST", "url": r"billing\.agency\.example\.com", "json": {}},
]


def case_monthly(credential):
    from agency import jobs, store

    store.add_portal(101, "Acme", credential("acme"))
    store.add_portal(102, "Globex", credential("globex"))
    store.add_portal(103, "Gone", credential("gone"), active=False)
    out = jobs.monthly(1514764800000)
    assert out == {101: {"won": 100.0, "contacts": 40}, 102: {"won": 100.0, "contacts": 40}}


def case_annotate(credential):
    from agency import jobs, store

    store.add_portal(101, "Acme", credential("acme"))
    assert jobs.annotate(101, 5, "QBR done") == 200


def case_own_portals(credential):
    from agency import own_portals

    own_portals.log_invoice("us", 11, 1200)
    own_portals.log_invoice("eu", 12, 900, "EUR")
