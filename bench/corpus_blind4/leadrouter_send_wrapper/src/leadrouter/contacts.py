"""Contact lookups and upserts (contacts v1)."""
import logging

from leadrouter.hubspot_api import send, HubSpotError

log = logging.getLogger(__name__)

JSON_HEADERS = {"Content-Type": "application/json", "X-Lead-Source": "leadrouter"}


def find_by_email(email):
    try:
        return send(
            "GET",
            "/contacts/v1/contact/email/%s/profile" % email,
            params={"property": ["email", "hubspot_owner_id"], "showListMemberships": "false"},
        )
    except HubSpotError as exc:
        if exc.status == 404:
            return None
        raise


def upsert(email, properties):
    body = {"properties": [{"property": k, "value": v} for k, v in sorted(properties.items())]}
    return send(
        "POST",
        "/contacts/v1/contact/createOrUpdate/email/%s/" % email,
        json=body,
        headers=JSON_HEADERS,
    )


def recent(count=20):
    out, offset = [], None
    while True:
        params = {"count": count}
        if offset:
            params["vidOffset"] = offset
        page = send("GET", "/contacts/v1/lists/recently_updated/contacts/recent", params=params)
        out.extend(page.get("contacts", []))
        if not page.get("has-more"):
            return out
        offset = page.get("vid-offset")
