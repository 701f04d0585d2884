import time

from crmworker.api import get_api


def log_note(contact_vid, owner_id, text, ts=None):
    payload = {
        "engagement": {"active": True, "ownerId": owner_id, "type": "NOTE", "timestamp": ts or int(time.time() * 1000)},
        "associations": {"contactIds": [contact_vid]},
        "metadata": {"body": text},
    }
    return get_api().post("/engagements/v1/engagements", payload)


def notes_for_deal(deal_id):
    api = get_api()
    data = api.get("/engagements/v1/engagements/associated/DEAL/%s/paged" % deal_id, params={"limit": 50})
    return [r for r in data.get("results", []) if r["engagement"]["type"] == "NOTE"]
