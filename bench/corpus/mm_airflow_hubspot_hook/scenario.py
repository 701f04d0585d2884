"""Airflow plugin (~2020) imitated without Airflow: `HubSpotHook.__init__` takes an
explicit `api_key` or reads the `hubspot_api_key` Variable (environment
`AIRFLOW_VAR_HUBSPOT_API_KEY`) into `self.api_key`; `get_conn()` builds a
`requests.Session` with `session.params.update({...})`, and `run(method, endpoint,
**kwargs)` sends through `session.request`. Operators and a DAG file in other modules
page companies/deals, read owners, update companies, and load rows into the company's
data lake (its own key header). One operator is constructed with a caller-supplied key
(a second portal)."""

ENV = {
    "AIRFLOW_VAR_HUBSPOT_API_KEY": "key-main",
    "AIRFLOW_VAR_DATALAKE_KEY": "dl-5b2e91",
}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=5",
     "json": {"companies": [{"companyId": 6, "properties": {"name": {"value": "Six"}}}],
              "has-more": False, "offset": 6}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 5, "properties": {"name": {"value": "Five"}}}],
              "has-more": True, "offset": 5}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"dealId": 70, "properties": {"amount": {"value": "9"}}}],
              "hasMore": False, "offset": 70}},
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 3, "email": "o@example.com"}]},
]


def case_daily_dag(credential):
    from dags import hubspot_daily
    results = hubspot_daily.run_all({"ds": "2020-06-01", "stale_company_ids": [5, 6]})
    assert results == {"hubspot_companies": 2, "hubspot_deals": 1, "hubspot_owners": 1,
                       "mark_stale": 2}, results


def case_operator_for_second_portal(credential):
    from hubspot_plugin.operators import HubSpotToDataLakeOperator
    op = HubSpotToDataLakeOperator(task_id="emea_deals", object_type="deals",
                                   properties=["amount"],
                                   hubspot_api_key=credential("emea"))
    assert op.execute({"ds": "2020-06-01"}) == 1


def case_hook_direct(credential):
    from hubspot_plugin.hooks import HubSpotHook
    hook = HubSpotHook()
    hook.run("GET", "/contacts/v1/contact/vid/12/profile", params={"propertyMode": "value_only"})
    hook.run("POST", "/contacts/v1/contact/createOrUpdate/email/dag@example.com/",
             json={"properties": [{"property": "source", "value": "airflow"}]})
