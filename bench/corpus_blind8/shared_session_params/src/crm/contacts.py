"""Contacts: recent changes in, batch updates out."""
import logging

from crm.http import API, session

log = logging.getLogger(__name__)


def recently_updated(limit=None):
    """Walk /contacts/v1/lists/recently_updated with vidOffset/timeOffset."""
    out = []
    params = {"count": 100}
    while True:
        r = session.get(API + "/contacts/v1/lists/recently_updated/contacts/recent", params=params)
        r.raise_for_status()
        data = r.json()
        out.extend(data["contacts"])
        if not data.get("has-more") or (limit and len(out) >= limit):
            break
        params["vidOffset"] = data["vid-offset"]
        params["timeOffset"] = data["time-offset"]
    return out


def batch_update(rows):
    """rows: [(email, {prop: value})]; the v1 batch endpoint takes 1000 at most."""
    payload = [
        {"email": email, "properties": [{"property": k, "value": v} for k, v in props.items()]}
        for email, props in rows
    ]
    for start in range(0, len(payload), 1000):
        r = session.post(API + "/contacts/v1/contact/batch/", json=payload[start:start + 1000])
        if r.status_code != 202:
            log.error("batch failed: %s", r.status_code)
            return False
    return True
