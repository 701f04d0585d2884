"""Owner lookups for the export (owner id -> name/email columns)."""
import requests

from hsexport import settings

OWNERS_URL = settings.HUBSPOT_BASE + "/owners/v2/owners?hapikey=" + settings.HUBSPOT_API_KEY

_cache = {}


def all_owners(include_inactive=False):
    if include_inactive not in _cache:
        r = requests.get(OWNERS_URL, {"includeInactive": str(include_inactive).lower()}, timeout=30)
        r.raise_for_status()
        _cache[include_inactive] = {o["ownerId"]: o for o in r.json()}
    return _cache[include_inactive]


def owner_by_email(email):
    r = requests.get(OWNERS_URL + "&email=" + email, timeout=30)
    r.raise_for_status()
    found = r.json()
    return found[0] if found else None


def owner_label(owner_id):
    o = all_owners().get(int(owner_id)) if owner_id else None
    if not o:
        return ""
    return "%s %s <%s>" % (o.get("firstName", ""), o.get("lastName", ""), o.get("email", ""))
