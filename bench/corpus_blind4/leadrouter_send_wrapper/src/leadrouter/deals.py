"""Deal creation for qualified leads (deals v1) and owner round-robin (owners v2)."""
import itertools

from leadrouter import hubspot_api

_owner_cycle = None


def owners():
    return hubspot_api.send("GET", "/owners/v2/owners", params={"includeInactive": "false"}) or []


def next_owner():
    global _owner_cycle
    if _owner_cycle is None:
        ids = [o["ownerId"] for o in owners() if o.get("ownerId")]
        _owner_cycle = itertools.cycle(ids or [None])
    return next(_owner_cycle)


def create_deal(vid, name, amount, pipeline="default"):
    props = {"dealname": name, "amount": str(amount), "pipeline": pipeline, "dealstage": "appointmentscheduled"}
    owner = next_owner()
    if owner:
        props["hubspot_owner_id"] = str(owner)
    payload = {
        "associations": {"associatedVids": [vid]},
        "properties": [{"name": k, "value": v} for k, v in props.items()],
    }
    return hubspot_api.send(
        "POST", "/deals/v1/deal", json=payload, headers={"Accept": "application/json"}, retries=0
    )
