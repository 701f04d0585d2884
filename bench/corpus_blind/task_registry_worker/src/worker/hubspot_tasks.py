import os

from worker.registry import Retry, task
from worker.sessions import RetryingSession

_session = None


def hubspot():
    global _session
    if _session is None:
        _session = RetryingSession(os.environ["HS_API_KEY"])
    return _session


@task("hubspot.set_deal_stage", retries=2)
def set_deal_stage(deal_id, stage):
    resp = hubspot().put("/deals/v1/deal/%s" % deal_id,
                         json={"properties": [{"name": "dealstage", "value": stage}]})
    if resp.status_code >= 500:
        raise Retry()
    resp.raise_for_status()
    return stage


@task("hubspot.pipeline_stages")
def pipeline_stages(pipeline_id="default"):
    resp = hubspot().get("/deals/v1/pipelines/" + pipeline_id)
    resp.raise_for_status()
    return [s["stageId"] for s in resp.json()["stages"]]


@task("hubspot.enroll")
def enroll(workflow_id, email):
    resp = hubspot().post("/automation/v2/workflows/%d/enrollments/contacts/%s" % (workflow_id, email))
    return resp.status_code == 204


@task("hubspot.gdpr_delete")
def gdpr_delete(vid):
    resp = hubspot().delete("https://api.hubapi.com/contacts/v1/contact/vid/%d" % vid)
    return resp.json().get("deleted", False)


@task("hubspot.backfill_portal")
def backfill_portal(portal_key, since_ms):
    """Run for a customer portal other than ours: the caller passes its key."""
    session = RetryingSession(portal_key, retries=1)
    resp = session.get("/contacts/v1/lists/recently_updated/contacts/recent",
                       params={"count": 100, "timeOffset": since_ms})
    resp.raise_for_status()
    return len(resp.json().get("contacts", []))
