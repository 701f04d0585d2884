"""Deal digest: recently created deals grouped by owner (deals v1), calls logged (engagements v1)."""
from salesdigest.owners import owner_map


def recent_deals(session, since_ms):
    out, offset = [], 0
    while True:
        data = session.get("/deals/v1/deal/recent/created",
                           params={"since": since_ms, "count": 2, "offset": offset}).json()
        out.extend(data.get("results", []))
        if not data.get("hasMore"):
            return out
        offset = data["offset"]


def digest(session, since_ms):
    owners = owner_map(session)
    lines = {}
    for d in recent_deals(session, since_ms):
        props = d.get("properties", {})
        owner = owners.get(int(props.get("hubspot_owner_id", {}).get("value") or 0), "unassigned")
        lines.setdefault(owner, []).append(props.get("dealname", {}).get("value", "?"))
    return lines


def recent_calls(session):
    data = session.get("/engagements/v1/engagements/recent/modified", params={"count": 20}).json()
    return [e for e in data.get("results", []) if e.get("engagement", {}).get("type") == "CALL"]
