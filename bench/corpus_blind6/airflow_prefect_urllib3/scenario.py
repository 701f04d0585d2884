"""Data-platform repository (2021): an Airflow `HubSpotHook(BaseHook)` whose key is the
connection's password (`BaseHook.get_connection(conn_id).password`), sending through a
`urllib3.PoolManager` (`fields={..., KEYPARAM: ...}` for GET, urlencoded query for PUT),
used by a DAG's callables for two connections (two portals) and also posting a Slack alert
through the same pool; and a Prefect 2 flow whose tasks take the key as an argument
(default: the environment at import time) and call HubSpot with httpx, then push to the
product's own API with its token."""

import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_stubs"))

ENV = {
    "AIRFLOW_CONN_HUBSPOT_DEFAULT": '{"conn_type": "http", "host": "api.hubapi.com", "password": "key-main"}',
    "AIRFLOW_CONN_HUBSPOT_EMEA": '{"conn_type": "http", "host": "api.hubapi.com", "password": "key-emea"}',
    "AIRFLOW_CONN_SLACK_ALERTS": '{"conn_type": "http", "extra": {"webhook_url": "https://hooks.slack.com/services/T1/B1/slackalerts9"}}',
    "HUBSPOT_API_KEY": "key-main",
    "PRODUCT_API_TOKEN": "prod-51aa0c",
}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=100", "json": {
        "companies": [{"companyId": 2}], "has-more": False, "offset": 101}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {
        "companies": [{"companyId": 1}], "has-more": True, "offset": 100}},
    {"method": "PUT", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 1}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/recent", "json": {
        "contacts": [{"vid": 1}, {"vid": 2}], "has-more": False}},
    {"method": "GET", "url": r"/forms/v2/forms/f1", "json": {"formFieldGroups": [{"name": "email"}]}},
    {"method": "POST", "url": r"api\.product\.example\.com/v2/leads", "status": 201, "json": {}},
]


def case_extract_companies_task(credential):
    from dags import hubspot_companies_dag as dag_module
    assert dag_module.extract.execute({"ds": "2021-03-01"}) == 2


def case_tag_companies_second_portal(credential):
    from dags import hubspot_companies_dag as dag_module
    assert dag_module.tag.execute({"ds": "2021-03-01", "company_ids": [1, 2]}) == 2


def case_prefect_flow(credential):
    from flows import contacts_flow
    assert contacts_flow.contacts_flow() == 2


def case_prefect_task_with_caller_key(credential):
    from flows import contacts_flow
    assert len(contacts_flow.fetch_recent_contacts(credential("partner"), count=5)) == 2
