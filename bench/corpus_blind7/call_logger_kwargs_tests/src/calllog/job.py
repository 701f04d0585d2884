import os

from . import pbx
from .hubspot import HubSpot


def run(since, hubspot_key=None):
    hs = HubSpot(hubspot_key)
    labels = {d["label"]: d["id"] for d in hs.call_dispositions() or []}
    logged = 0
    for c in pbx.recent_calls(os.environ.get("PBX_TOKEN", ""), since):
        contact = hs.contact_by_phone(c["from"])
        if contact is None:
            continue
        hs.log_call(contact["vid"], c.get("owner"), c["seconds"] * 1000,
                    recording_url=c.get("recording"), disposition=labels.get(c.get("result")))
        logged += 1
    return logged
