"""Very small persistence layer; in production this is a Postgres table."""

_PORTALS = {}


def save_portal(record):
    _PORTALS[record["portal_id"]] = dict(record)
    return _PORTALS[record["portal_id"]]


def get_portal(portal_id):
    return _PORTALS[portal_id]


def all_portals():
    return [p for p in _PORTALS.values() if p.get("active", True)]
