from datetime import datetime, timedelta

from airflow.models import DAG
from airflow.operators.python import PythonOperator

from plugins.hubspot_provider.hooks import HubSpotHook
from plugins.warehouse import WarehouseLoader

CONTACT_PROPS = ["email", "firstname", "lastname", "lifecyclestage"]
DEFAULT_ARGS = {"owner": "data", "retries": 2, "retry_delay": timedelta(minutes=5)}


def extract_contacts(hubspot_conn_id="hubspot_default", **context):
    hook = HubSpotHook(hubspot_conn_id=hubspot_conn_id)
    rows = []
    for obj in hook.iter_objects("contacts", CONTACT_PROPS):
        props = obj.get("properties", {})
        rows.append({"id": obj["id"], **{p: props.get(p) for p in CONTACT_PROPS}})
    return WarehouseLoader().load("hubspot_contacts", rows)


def extract_deals(hubspot_conn_id="hubspot_default", **context):
    hook = HubSpotHook(hubspot_conn_id=hubspot_conn_id)
    rows = [dict(id=d["id"], **d.get("properties", {}))
            for d in hook.iter_objects("deals", ["amount", "dealstage"])]
    return WarehouseLoader().load("hubspot_deals", rows)


def flag_stale_deals(hubspot_conn_id="hubspot_default", **context):
    hook = HubSpotHook(hubspot_conn_id=hubspot_conn_id)
    stale = [d["id"] for d in hook.iter_objects("deals", ["dealstage"])
             if (d.get("properties") or {}).get("dealstage") == "appointmentscheduled"]
    if stale:
        hook.batch_update("deals", [{"id": i, "properties": {"stale": "true"}} for i in stale])
    return len(stale)


with DAG("hubspot_to_dwh", default_args=DEFAULT_ARGS, schedule_interval="@daily",
         start_date=datetime(2021, 1, 1), catchup=False) as dag:
    contacts = PythonOperator(task_id="extract_contacts", python_callable=extract_contacts)
    deals = PythonOperator(task_id="extract_deals", python_callable=extract_deals)
    stale = PythonOperator(task_id="flag_stale_deals", python_callable=flag_stale_deals)
    contacts >> deals >> stale
