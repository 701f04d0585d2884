"""An Airflow 1.10 plugin (2019): `HubSpotHook(BaseHook)` reads the portal key from the
Airflow connection's password (`AIRFLOW_CONN_HUBSPOT_DEFAULT`), adds it to each query
in `run()`, and pages with configurable `offset`/`has-more` keys (companies v2, deals v1
`hasMore`), owners v2 unpaged; an operator loads the records into SQLite and a DAG file
wires three tasks. Airflow is not installed: the scenario provides `BaseHook` (connection
from the `AIRFLOW_CONN_*` URI, as Airflow does), `BaseOperator` and `DAG` stand-ins."""

import logging
import os
import sys
import tempfile
import types
from urllib.parse import unquote, urlsplit

ENV = {
    "AIRFLOW_CONN_HUBSPOT_DEFAULT": "https://:key-main@api.hubapi.com",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged.*offset=5",
        "json": {"companies": [{"companyId": 6, "properties": {}}], "has-more": False},
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [{"companyId": 5, "properties": {}}],
            "has-more": True,
            "offset": 5,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [{"dealId": 8}, {"dealId": 9}],
            "hasMore": False,
            "offset": 9,
        },
    },
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [{"ownerId": 1}, {"ownerId": 2}],
    },
]


def _airflow_standin():
    airflow = types.ModuleType("airflow")
    hooks = types.ModuleType("airflow.hooks")
    base_hook = types.ModuleType("airflow.hooks.base_hook")
    models = types.ModuleType("airflow.models")

    class Connection:
        def __init__(self, uri):
            parts = urlsplit(uri)
            self.conn_type = parts.scheme
            self.host = parts.hostname
            self.login = unquote(parts.username or "") or None
            self.password = unquote(parts.password or "") or None

    class BaseHook:
        @classmethod
        def get_connection(cls, conn_id):
            return Connection(os.environ["AIRFLOW_CONN_" + conn_id.upper()])

    class BaseOperator:
        def __init__(self, task_id, dag=None, **kwargs):
            self.task_id, self.dag = task_id, dag
            self.downstream = []
            self.log = logging.getLogger("airflow.task")

        def __rshift__(self, other):
            self.downstream.append(other)
            return other

    class DAG:
        def __init__(self, dag_id, **kwargs):
            self.dag_id, self.kwargs = dag_id, kwargs

    base_hook.BaseHook = BaseHook
    models.BaseOperator = BaseOperator
    airflow.DAG = DAG
    for name, module in {
        "airflow": airflow,
        "airflow.hooks": hooks,
        "airflow.hooks.base_hook": base_hook,
        "airflow.models": models,
    }.items():
        sys.modules[name] = module


def case_run_dag_tasks(credential):
    _airflow_standin()
    from dags import hubspot_daily

    db = os.path.join(tempfile.mkdtemp(), "wh.db")
    counts = []
    for task in (hubspot_daily.companies, hubspot_daily.deals, hubspot_daily.owners):
        task.db_path = db
        counts.append(task.execute({}))
    assert counts == [2, 2, 2]


def case_hook_adhoc_post(credential):
    _airflow_standin()
    from hubspot_plugin.hooks import HubSpotHook

    hook = HubSpotHook()
    hook.run(
        "/contacts/v1/contact/createOrUpdate/email/ops@x.test/",
        method="POST",
        payload={"properties": [{"property": "firstname", "value": "Ops"}]},
    )
