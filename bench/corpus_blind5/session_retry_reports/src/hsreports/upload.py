"""Push the finished report to the internal reporting service."""
import json
import os

from hsreports.session import get_session

REPORTS_URL = os.environ.get("REPORTS_URL", "https://reports.internal.example.com/api/v1/upload")


def upload(name, rows):
    resp = get_session().post(
        REPORTS_URL,
        data=json.dumps({"name": name, "rows": rows}),
        headers={"Content-Type": "application/json", "X-Report-Token": os.environ.get("REPORTS_TOKEN", "")},
    )
    resp.raise_for_status()
    return resp.status_code
