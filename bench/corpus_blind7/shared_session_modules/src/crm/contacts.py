import logging

from .hs_session import session, url

log = logging.getLogger(__name__)


def upsert_batch(people):
    """people: list of dicts with email + properties; 100 per call as HubSpot wants."""
    sent = 0
    for i in range(0, len(people), 100):
        chunk = people[i:i + 100]
        body = [
            {"email": p["email"],
             "properties": [{"property": k, "value": v} for k, v in p.items() if k != "email"]}
            for p in chunk
        ]
        r = session.post(url("/contacts/v1/contact/batch/"), json=body)
        if r.status_code != 202:
            log.error("batch failed: %s", r.status_code)
            continue
        sent += len(chunk)
    return sent


def vids_for(emails):
    r = session.get(url("/contacts/v1/contact/emails/batch/"), params={"email": list(emails)})
    return {c["properties"]["email"]["value"]: int(vid) for vid, c in r.json().items()}


def add_to_list(list_id, vids):
    r = session.post(url("/contacts/v1/lists/%d/add" % list_id), json={"vids": list(vids)})
    return r.json().get("updated", [])
