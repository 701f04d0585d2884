from crmworker.api import get_api

_cache = {}


def owner_for_email(email):
    if email in _cache:
        return _cache[email]
    owners = get_api().get("/owners/v2/owners", params={"email": email}, headers={"X-Request-Source": "crmworker"})
    _cache[email] = owners[0]["ownerId"] if owners else None
    return _cache[email]
