"""Dashboard endpoint: a client's dashboard passes its portal key in the query."""
import json

from . import reports


def report_view(request):
    """request: {"GET": {...}, "headers": {...}} as our tiny router hands it in."""
    query = request.get("GET", {})
    key = query.get("portal_key") or request.get("headers", {}).get("X-Portal-Key")
    start, end = query.get("start", "20180101"), query.get("end", "20180131")
    data = reports.monthly(start, end, key=key)
    slack = request.get("notify")
    if slack:
        import requests

        requests.post(slack, json={"text": "report served: %s" % sorted(data)})
    return {"status": 200, "body": json.dumps(data, sort_keys=True)}
