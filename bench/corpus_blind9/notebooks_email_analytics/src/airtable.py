import os

import requests

TOKEN = os.environ.get("AIRTABLE_TOKEN")
BASE_ID = os.environ.get("AIRTABLE_BASE", "appXXXXXXXX")


def push_rows(table, rows):
    url = "https://api.airtable.com/v0/%s/%s" % (BASE_ID, table)
    for i in range(0, len(rows), 10):
        chunk = [{"fields": row} for row in rows[i:i + 10]]
        r = requests.post(url, json={"records": chunk},
                          headers={"Authorization": "Bearer " + TOKEN})
        r.raise_for_status()
    return len(rows)
