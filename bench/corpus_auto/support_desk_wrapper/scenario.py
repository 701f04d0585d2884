"""Support-desk scripts (2018): a wrapper module `desk/hubspot_api.py` with
`send(method, endpoint, params=None, **kwargs)` that adds `hapikey` to the params and
retries 429/5xx, called from four other modules (tickets, contacts, engagements, owners,
one of them through `send as hs`, one with a positional params dict, one passing its own
headers); an intake module ties them together and reads a public status page; one
`requests.Session` in `desk/http.py` carries both the HubSpot calls and the status page."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/nobody@", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 77}},
    {"method": "GET", "url": r"/contacts/v1/search/query", "json": {"contacts": [{"vid": 77}]}},
    {"method": "POST", "url": r"/crm-objects/v1/objects/tickets", "json": {"objectId": 9001}},
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 3, "email": "Support@example.com"}]},
    {"method": "GET", "url": r"status\.example\.com", "json": {"incidents": []}},
    {"method": "GET", "url": r"/crm-objects/v1/objects/tickets/404", "status": 503, "json": {}},
]


def case_inbound_email(credential):
    from desk import intake

    assert intake.handle_email("ann@example.com", "Broken", "It broke", 1546300800000) == 9001


def case_unknown_sender(credential):
    from desk import intake

    intake.handle_email("nobody@example.com", "Hi", "hello")
    assert intake.incident_open() is False


def case_search_and_close(credential):
    from desk import contacts, tickets

    assert contacts.search("acme")["contacts"][0]["vid"] == 77
    tickets.close_ticket(9001)


def case_retry_then_give_up(credential):
    from desk import hubspot_api

    try:
        hubspot_api.send("GET", "/crm-objects/v1/objects/tickets/404")
    except hubspot_api.HubSpotError:
        pass
    else:
        raise AssertionError("expected HubSpotError")
