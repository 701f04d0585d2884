"""Sales-ops bot (2019): a `Client` class whose `_request(self, method, path, **kw)` does
`kw.setdefault("params", {})["hapikey"] = self.api_key` and sends
`self.session.request(method, self.base + path, **kw)`; thin get/post helpers and deal
methods pass their own params, json bodies and headers through **kw; the key comes from
the constructor or the environment. An older `BaseClient` sets `self.params =
{"hapikey": api_key or os.environ[...]}` in `__init__`, and a `Companies` subclass in
another module sends `self.params`."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7}, {"ownerId": 8}]},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified.*offset=0",
     "json": {"results": [
         {"dealId": 1, "properties": {"hs_lastmodifieddate": {"value": "1000"},
                                      "hubspot_owner_id": {"value": "7"}}},
         {"dealId": 2, "properties": {"hs_lastmodifieddate": {"value": "1000"},
                                      "hubspot_owner_id": {"value": "9"}}}],
         "hasMore": True, "offset": 2}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified",
     "json": {"results": [
         {"dealId": 3, "properties": {"hs_lastmodifieddate": {"value": "1000"},
                                      "hubspot_owner_id": {"value": "8"}}}],
         "hasMore": False, "offset": 3}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
    {"method": "POST", "url": r"/companies/v2/domains/acme\.com/companies",
     "json": {"results": [{"companyId": 61}]}},
    {"method": "PUT", "url": r"/companies/v2/companies/61", "json": {"companyId": 61}},
    {"method": "GET", "url": r"/deals/v1/deal/404", "status": 404, "json": {"message": "no"}},
    {"method": "GET", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 1}},
]


def case_stale_deals(credential):
    from salesops import stale_deals

    assert stale_deals.run(days=14, now_ms=10**13) == [1, 3]


def case_deal_lookup(credential):
    from salesops.client import Client, HubSpotError

    c = Client()
    assert c.deal(1) == {"dealId": 1}
    try:
        c.deal(404)
    except HubSpotError as e:
        assert "404" in str(e)


def case_caller_key(credential):
    from salesops.client import Client

    Client(api_key=credential("tenant")).owners()


def case_companies_subclass(credential):
    from salesops.companies import Companies

    found = Companies().by_domain("acme.com")
    assert found == [{"companyId": 61}]
    Companies(api_key=credential("tenant")).update(61, tier="gold", region="emea")
