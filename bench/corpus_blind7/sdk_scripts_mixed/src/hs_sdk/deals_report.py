"""Weekly won-deals report (hubspot3) plus the pipeline labels (raw API)."""
import requests

from .clients import legacy

PIPELINES_URL = "https://api.hubapi.com/deals/v1/pipelines"


def stage_labels():
    resp = requests.get(PIPELINES_URL, params={"hapikey": legacy.api_key}, timeout=10)
    resp.raise_for_status()
    return {s["stageId"]: s["label"] for p in resp.json() for s in p["stages"]}


def won_deals_by_owner():
    labels = stage_labels()
    owners = {o["ownerId"]: o["email"] for o in legacy.owners.get_owners()}
    out = {}
    for deal in legacy.deals.get_all(extra_properties=["dealstage", "hubspot_owner_id"]):
        props = deal.get("properties", {})
        stage = props.get("dealstage", {}).get("value")
        if labels.get(stage) != "Closed Won":
            continue
        owner = owners.get(int(props.get("hubspot_owner_id", {}).get("value", 0)), "unassigned")
        out[owner] = out.get(owner, 0) + 1
    return out
