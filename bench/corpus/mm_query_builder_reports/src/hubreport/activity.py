import logging

from hubreport import fetch
from hubreport.query import paged_url, raw_url
from hubreport.settings import CONFIG

log = logging.getLogger(__name__)


def engagements(since_ms=None):
    """All engagements (optionally since a timestamp), via the paged endpoint."""
    wanted = set(CONFIG["report"]["engagement_types"])
    out, offset = [], None
    while True:
        data = fetch.get_json(paged_url("/engagements/v1/engagements/paged",
                                        offset=offset, limit=250, since=since_ms))
        for item in data.get("results", []):
            eng = item.get("engagement", {})
            if eng.get("type") in wanted:
                out.append(eng)
        if not data.get("hasMore"):
            break
        offset = data["offset"]
        fetch.pause()
    log.info("%d engagements", len(out))
    return out


def recent_contacts(ui_query="&count=20&property=hubspot_owner_id"):
    data = fetch.get_json(raw_url("/contacts/v1/lists/all/contacts/recent", ui_query))
    return data.get("contacts", [])


def contact_properties():
    data = fetch.get_json(raw_url("/properties/v1/contacts/properties"))
    return [p["name"] for p in data]
