"""Client portals and their API keys (sqlite; the real thing is Postgres)."""
import sqlite3

_db = sqlite3.connect(":memory:")
_db.execute("create table portal (portal_id integer primary key, name text, api_key text, active int)")


def add_portal(portal_id, name, api_key, active=True):
    _db.execute("insert or replace into portal values (?, ?, ?, ?)",
                (portal_id, name, api_key, int(active)))


def active_portals():
    return [dict(zip(("portal_id", "name", "api_key"), row)) for row in
            _db.execute("select portal_id, name, api_key from portal where active = 1 order by portal_id")]


def key_for(portal_id):
    row = _db.execute("select api_key from portal where portal_id = ?", (portal_id,)).fetchone()
    if row is None:
        raise KeyError(portal_id)
    return row[0]
