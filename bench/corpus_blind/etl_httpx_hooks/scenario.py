"""An Airflow-style ETL (2021) with hooks: `HubspotHook.get_conn()` builds an
`httpx.Client(base_url=..., params={"hapikey": conn.password})` from an Airflow
connection (read from AIRFLOW_CONN_* pieces when Airflow is absent) and every call goes
through it: CRM v3 deals paged with `paging.next.after`, engagements v1 and companies v2
paged with hasMore/has-more and offset, owners v2. A warehouse loader hook sends rows to
an internal service with its own token."""

ENV = {
    "AIRFLOW_CONN_HUBSPOT_DEFAULT_HOST": "api.hubapi.com",
    "AIRFLOW_CONN_HUBSPOT_DEFAULT_PASSWORD": "key-main",
    "AIRFLOW_CONN_WAREHOUSE_DEFAULT_HOST": "loader.internal.example",
    "AIRFLOW_CONN_WAREHOUSE_DEFAULT_PASSWORD": "wh-77aa",
}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/objects/deals.*after=p2",
     "json": {"results": [{"id": "2", "properties": {"amount": "20"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/deals",
     "json": {"results": [{"id": "1", "properties": {"amount": "10"}}],
              "paging": {"next": {"after": "p2"}}}},
    {"method": "GET", "url": r"/engagements/v1/engagements/paged.*offset=",
     "json": {"results": [{"engagement": {"id": 2, "type": "CALL"}}], "hasMore": False, "offset": 3}},
    {"method": "GET", "url": r"/engagements/v1/engagements/paged",
     "json": {"results": [{"engagement": {"id": 1, "type": "NOTE"}}], "hasMore": True, "offset": 2}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 8}], "has-more": False, "offset": 8}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 4, "email": "o@x.com"}]},
    {"method": "POST", "url": r"loader\.internal\.example/v1/tables/hubspot_deals/rows", "json": {"inserted": 2}},
    {"method": "POST", "url": r"loader\.internal\.example/v1/tables/hubspot_engagements/rows", "json": {"inserted": 2}},
    {"method": "POST", "url": r"loader\.internal\.example/v1/tables/.*/rows", "json": {"inserted": 1}},
]


def case_dag_local_run(credential):
    from etl import dag
    out = dag.run_local("2021-03-04")
    assert out == {"deals": 2, "engagements": 2, "owners": 1, "companies": 1}, out
