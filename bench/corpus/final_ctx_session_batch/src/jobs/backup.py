"""Weekly dump of companies and deal pipelines to object storage."""
import datetime
import json

from jobs.conn import HS_API, hubspot_auth, session, upload


def fetch_companies(s):
    out, offset = [], 0
    while True:
        r = s.get(HS_API + "/companies/v2/companies/paged",
                  params={"offset": offset, "limit": 250, "properties": ["name", "domain"]})
        data = r.json()
        out.extend(data.get("companies", []))
        if not data.get("has-more"):
            return out
        offset = data["offset"]


def fetch_pipelines(s):
    return s.get(HS_API + "/crm-pipelines/v1/pipelines/deals").json().get("results", [])


def run(today=None, api_key=None):
    stamp = (today or datetime.date(2019, 5, 1)).isoformat()
    with hubspot_auth(api_key=api_key) as s:
        companies = fetch_companies(s)
        pipelines = fetch_pipelines(s)
    upload("companies-%s.json" % stamp, json.dumps(companies))
    upload("pipelines-%s.json" % stamp, json.dumps(pipelines))
    # ping the healthcheck with the same session
    session().get("https://hc-ping.com/6f1c0a4e-backup")
    return len(companies), len(pipelines)
