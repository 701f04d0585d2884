from datetime import datetime, timedelta

from airflow import DAG

from hubspot_plugin.operators import HubSpotToSqliteOperator

default_args = {
    "owner": "data",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
}

dag = DAG(
    "hubspot_daily",
    default_args=default_args,
    start_date=datetime(2019, 1, 1),
    schedule_interval="@daily",
    catchup=False,
)

DB = "/tmp/warehouse.db"

companies = HubSpotToSqliteOperator(
    task_id="companies", hubspot_object="companies", db_path=DB,
    properties=["name", "domain"], dag=dag,
)
deals = HubSpotToSqliteOperator(
    task_id="deals", hubspot_object="deals", db_path=DB,
    properties=["dealname", "amount"], dag=dag,
)
owners = HubSpotToSqliteOperator(task_id="owners", hubspot_object="owners", db_path=DB, dag=dag)

companies >> deals >> owners
