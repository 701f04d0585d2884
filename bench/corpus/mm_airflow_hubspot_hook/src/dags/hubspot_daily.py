"""
Daily HubSpot -> lake DAG.

    with DAG("hubspot_daily", schedule_interval="0 4 * * *", ...) as dag:
        companies >> deals >> owners >> mark_stale
"""
from hubspot_plugin.hooks import HubSpotHook
from hubspot_plugin.operators import HubSpotOwnersOperator, HubSpotToDataLakeOperator

companies = HubSpotToDataLakeOperator(
    task_id="hubspot_companies", object_type="companies",
    properties=["name", "domain", "hs_lastmodifieddate"])
deals = HubSpotToDataLakeOperator(
    task_id="hubspot_deals", object_type="deals",
    properties=["dealname", "amount", "dealstage"])
owners = HubSpotOwnersOperator(task_id="hubspot_owners")


def mark_stale_companies(**context):
    """PythonOperator callable: flag companies the lake marked as stale."""
    stale = context.get("stale_company_ids", [])
    hook = HubSpotHook()
    for company_id in stale:
        hook.run("PUT", "/companies/v2/companies/%s" % company_id,
                 json={"properties": [{"name": "lake_stale", "value": "true"}]})
    return len(stale)


def run_all(context):
    """Local debug entry point (`python -m dags.hubspot_daily`)."""
    results = {}
    for task in (companies, deals, owners):
        results[task.task_id] = task.execute(context)
    results["mark_stale"] = mark_stale_companies(**context)
    return results


if __name__ == "__main__":
    print(run_all({"ds": "2020-01-01", "stale_company_ids": []}))
