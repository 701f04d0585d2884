from datetime import datetime

from airflow.hooks.base import BaseHook
from airflow.models import DAG
from airflow.operators.python import PythonOperator

from plugins.hubspot_hook import HubSpotHook


def extract_companies(ds=None, **context):
    hook = HubSpotHook()
    rows, offset = [], 0
    while True:
        page = hook.run("GET", "/companies/v2/companies/paged",
                        query={"limit": 100, "offset": offset, "properties": "domain"})
        rows.extend(page["companies"])
        if not page["has-more"]:
            break
        offset = page["offset"]
    slack = BaseHook.get_connection("slack_alerts").extra_dejson["webhook_url"]
    hook.notify(slack, "%s: %d companies" % (ds, len(rows)))
    return len(rows)


def tag_companies(ds=None, **context):
    hook = HubSpotHook("hubspot_emea")
    done = 0
    for company_id in context.get("company_ids", []):
        hook.run("PUT", "/companies/v2/companies/%d" % company_id,
                 body={"properties": [{"name": "last_sync", "value": ds}]})
        done += 1
    return done


with DAG("hubspot_companies", start_date=datetime(2021, 1, 1), schedule_interval="@daily") as dag:
    extract = PythonOperator(task_id="extract_companies", python_callable=extract_companies)
    tag = PythonOperator(task_id="tag_companies", python_callable=tag_companies)
