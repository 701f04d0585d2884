"""A weekly revenue report (2019): settings.ini plus environment give a `Config` object
that every function receives as `cfg`; one `fetch_json(cfg, url, params)` helper serves
HubSpot (adds `params["hapikey"] = cfg.hubspot_key` when the URL is hubapi.com) and
Shopify (its own access-token header); `hs_url(cfg, path)` formats the key into a URL
used with requests.put in another module; deals v1 paged with hasMore/offset, owners v2;
Slack webhook."""

ENV = {"HUBSPOT_KEY": "key-main", "SHOPIFY_TOKEN": "shpat_4c1d"}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=2",
     "json": {"deals": [{"dealId": 3, "properties": {
         "amount": {"value": "50"}, "dealstage": {"value": "closedwon"},
         "pipeline": {"value": "default"}}}], "hasMore": False, "offset": 3}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [
         {"dealId": 1, "properties": {"amount": {"value": "100"}, "dealstage": {"value": "closedwon"},
                                      "pipeline": {"value": "default"}, "hubspot_owner_id": {"value": "7"}}},
         {"dealId": 2, "properties": {"amount": {"value": "9"}, "dealstage": {"value": "closedwon"},
                                      "pipeline": {"value": "partners"}}}],
         "hasMore": True, "offset": 2}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7, "firstName": "Ana"}]},
    {"method": "GET", "url": r"myshopify\.com/admin/api/.*/orders\.json",
     "json": {"orders": [{"total_price": "19.99"}, {"total_price": "5.01"}]}},
]


def case_weekly_report(credential):
    from revreport import report
    summary = report.main(["settings.ini", "2021-02-01"])
    assert summary == {"hubspot": {"Ana": 100.0, "unassigned": 50.0}, "shopify": 25.0}, summary


def case_caller_config(credential):
    from revreport.config import Config
    from revreport.sources import owners
    cfg = Config(credential("agency"), "default", "x.myshopify.com", "2021-01", "", "")
    assert owners(cfg) == {7: "Ana"}
