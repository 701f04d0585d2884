"""Revenue-ops scripts (2021): `settings.py` loads `config/settings.json` (which names the
environment variable of the key) into a frozen `Settings` dataclass from an `lru_cache`d
factory; `HubSpotAPI` with get/post/put/delete delegating to `_request(method, path,
**kwargs)` which merges `{**kwargs.pop("params", {}), KEYPARAM: ...}`; four modules
(owners via a lazily initialised module-level instance, deals, engagements, billing) call
it; billing reads MRR from Stripe with its own Bearer key (another host)."""

ENV = {"HUBSPOT_API_KEY": "key-main", "STRIPE_SECRET": "sk_test_revops01"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7, "email": "rep@x.com"},
                                                              {"ownerId": 8, "email": "test@x.com"}]},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified", "json": {"results": [
        {"dealId": 1, "properties": {"hubspot_owner_id": {"value": "7"}}},
        {"dealId": 2, "properties": {"hubspot_owner_id": {"value": "8"}}}]}},
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 55}}},
    {"method": "DELETE", "url": r"/engagements/v1/engagements/55", "status": 204, "body": ""},
    {"method": "GET", "url": r"api\.stripe\.com/v1/subscriptions", "json": {"data": [
        {"items": {"data": [{"plan": {"amount": 4900}}]}}]}},
    {"method": "PUT", "url": r"/companies/v2/companies/123", "json": {}},
]


def case_weekly(credential):
    from revops import weekly
    assert weekly.run() == ({"rep@x.com": [1], "test@x.com": [2]}, 49.0)


def case_owners_module_instance(credential):
    from revops import owners
    assert sorted(owners.owners_by_id()) == [7, 8]
