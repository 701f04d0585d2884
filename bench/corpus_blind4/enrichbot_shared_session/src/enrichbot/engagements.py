"""Leaves a note on the company timeline after enrichment (engagements v1)."""
import json
import time

from enrichbot.http import session, hs_url


def note(company_id, text, owner_id=None, when=None):
    if when is None:
        when = int(time.time() * 1000)
    engagement = {"active": True, "type": "NOTE", "timestamp": when}
    if owner_id:
        engagement["ownerId"] = owner_id
    payload = {
        "engagement": engagement,
        "associations": {"companyIds": [company_id]},
        "metadata": {"body": text},
    }
    r = session.post(
        hs_url("/engagements/v1/engagements"),
        data=json.dumps(payload),
        headers={"Content-Type": "application/json"},
    )
    return r.json().get("engagement", {}).get("id")
