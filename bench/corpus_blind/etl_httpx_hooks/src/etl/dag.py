"""hubspot_to_warehouse: daily at 05:00 UTC.

    with DAG("hubspot_to_warehouse", schedule_interval="0 5 * * *") as dag:
        [deals, engagements, owners, companies] = [PythonOperator(...) for ...]
"""
from etl import tasks

TASKS = [
    ("deals", tasks.extract_load_deals),
    ("engagements", tasks.extract_load_engagements),
    ("owners", tasks.extract_load_owners),
    ("companies", tasks.extract_load_companies),
]


def run_local(ds):
    return {name: fn(ds=ds) for name, fn in TASKS}


if __name__ == "__main__":
    import sys
    print(run_local(sys.argv[1] if len(sys.argv) > 1 else "2021-01-01"))
