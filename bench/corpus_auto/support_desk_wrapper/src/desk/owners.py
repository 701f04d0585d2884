from desk.hubspot_api import send

_cache = {}


def owner_by_email(email):
    if not _cache:
        for owner in send("GET", "/owners/v2/owners", {"includeInactive": "false"}) or []:
            _cache[owner["email"].lower()] = owner
    return _cache.get(email.lower())
