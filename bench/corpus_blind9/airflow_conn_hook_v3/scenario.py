"""Airflow 2 provider-style plugin (2021): `HubSpotHook(BaseHook)` takes the portal key
from the Airflow connection's password (`get_connection(conn_id)`), sets it as
`session.params = {"hapikey": ...}` in `get_conn()`, unless the connection's extra says
`auth_type: private_app` (the password is then already a token and goes as Bearer). A
generator pages CRM v3 objects with `after`; DAG callables in `dags/` load rows into a
warehouse's HTTP ingestion API (its own token). Airflow itself is faked here: the metadata
DB's connections are made from the environment or, for a client's connection, by the case
with a caller's key."""

import json
import os
import sys
import types

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "AIRFLOW_VAR_WAREHOUSE_TOKEN": "dwh-7f3a",
}

CONNECTIONS = {}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/objects/contacts.*after=c2",
     "json": {"results": [{"id": "3", "properties": {"email": "c@x.com"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts",
     "json": {"results": [{"id": "1", "properties": {"email": "a@x.com"}},
                          {"id": "2", "properties": {"email": "b@x.com"}}],
              "paging": {"next": {"after": "c2"}}}},
    {"method": "GET", "url": r"/crm/v3/objects/deals",
     "json": {"results": [{"id": "10", "properties": {"dealstage": "appointmentscheduled"}},
                          {"id": "11", "properties": {"dealstage": "closedwon"}}]}},
    {"method": "POST", "url": r"/crm/v3/objects/deals/batch/update", "json": {"status": "COMPLETE"}},
    {"method": "GET", "url": r"/integrations/v1/me", "json": {"portalId": 62515}},
]


def _install_airflow():
    import logging

    class Connection:
        def __init__(self, conn_id, host=None, password=None, extra=None):
            self.conn_id, self.host, self.password = conn_id, host, password
            self.extra = json.dumps(extra or {})

        @property
        def extra_dejson(self):
            return json.loads(self.extra)

    class BaseHook:
        def __init__(self, *args, **kwargs):
            self.log = logging.getLogger("airflow.task.hooks")

        @classmethod
        def get_connection(cls, conn_id):
            if conn_id == "hubspot_default":
                return Connection(conn_id, "api.hubapi.com", os.environ.get("HUBSPOT_API_KEY"))
            return CONNECTIONS[conn_id]

    class Variable:
        @staticmethod
        def get(key, default_var=None):
            return os.environ.get("AIRFLOW_VAR_" + key.upper(), default_var)

    class DAG:
        def __init__(self, dag_id, **kwargs):
            self.dag_id, self.tasks = dag_id, []

        def __enter__(self):
            DAG.current = self
            return self

        def __exit__(self, *exc):
            DAG.current = None

    class PythonOperator:
        def __init__(self, task_id, python_callable, op_kwargs=None, **kwargs):
            self.task_id, self.python_callable = task_id, python_callable
            self.op_kwargs = op_kwargs or {}
            DAG.current.tasks.append(self)

        def __rshift__(self, other):
            return other

        def execute(self, context):
            return self.python_callable(**self.op_kwargs, **context)

    mods = {}
    for name in ("airflow", "airflow.hooks", "airflow.hooks.base", "airflow.models",
                 "airflow.operators", "airflow.operators.python"):
        mods[name] = sys.modules[name] = types.ModuleType(name)
    mods["airflow.hooks.base"].BaseHook = BaseHook
    mods["airflow.models"].Variable = Variable
    mods["airflow.models"].DAG = DAG
    mods["airflow.models"].Connection = Connection
    mods["airflow.operators.python"].PythonOperator = PythonOperator
    return Connection


Connection = _install_airflow()


def case_daily_run(credential):
    from dags.hubspot_to_dwh import dag
    results = [task.execute({"ds": "2021-06-01"}) for task in dag.tasks]
    assert results == [3, 2, 1], results


def case_client_connection(credential):
    CONNECTIONS["hubspot_client_acme"] = Connection(
        "hubspot_client_acme", "api.hubapi.com", credential("acme"))
    from dags import hubspot_to_dwh
    assert hubspot_to_dwh.extract_deals(hubspot_conn_id="hubspot_client_acme", ds="2021-06-01") == 2
    assert hubspot_to_dwh.flag_stale_deals(hubspot_conn_id="hubspot_client_acme") == 1


def case_private_app_connection(credential):
    CONNECTIONS["hubspot_private"] = Connection(
        "hubspot_private", "api.hubapi.com", "oauth-privateapp", {"auth_type": "private_app"})
    from plugins.hubspot_provider import HubSpotHook
    hook = HubSpotHook("hubspot_private")
    assert hook.test_connection()[0]
    assert len(list(hook.iter_objects("contacts", ["email"]))) == 3


def case_test_connection(credential):
    from plugins.hubspot_provider import HubSpotHook
    assert HubSpotHook().test_connection() == (True, "Connection successfully tested")
