"""A reports package (2017) configured by `settings.ini` (`configparser` read into module
constants, with a `settings.ini.example` beside it; the real file holds the portal key).
`urls.py` builds full URLs with `urllib.parse.urlencode({KEYPARAM: KEY, ...})` read by a
generic `get_json(url)` urllib helper that also fetches the company's warehouse API (its own
`api_key` in the query); `fetch.hubspot_get` talks to HubSpot over
`http.client.HTTPSConnection`, `warehouse_post` to the warehouse the same way."""

ENV = {}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/pipelines", "json": [
        {"stages": [{"stageId": "s1", "label": "Won"}, {"stageId": "s2", "label": "Lost"}]}]},
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=100", "json": {
        "deals": [{"properties": {"dealstage": {"value": "s2"}, "amount": {"value": "5"}}}],
        "hasMore": False, "offset": 101}},
    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {
        "deals": [{"properties": {"dealstage": {"value": "s1"}, "amount": {"value": "10"}}}],
        "hasMore": True, "offset": 100}},
    {"method": "POST", "url": r"warehouse\.internal\.example\.com/ingest", "status": 201, "json": {}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1, "email": "a@x.com"}]},
    {"method": "GET", "url": r"/engagements/v1/engagements/paged", "json": {
        "results": [{"engagement": {"ownerId": 1}}, {"engagement": {"ownerId": 2}}]}},
    {"method": "GET", "url": r"warehouse\.internal\.example\.com/v1/owners", "json": {"owners": [1, 2]}},
]


def case_pipeline_report(credential):
    from hsreports import pipeline_report
    assert pipeline_report.run() == [{"stage": "Lost", "amount": 5.0}, {"stage": "Won", "amount": 10.0}]


def case_owners_report(credential):
    from hsreports import owners_report
    assert owners_report.run() == {"a@x.com": 1, "_known": 2}
