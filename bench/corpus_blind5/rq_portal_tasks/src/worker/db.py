"""Tiny sqlite model layer (the app used SQLAlchemy; the worker only needs this)."""
import os
import sqlite3
from collections import namedtuple

Portal = namedtuple("Portal", "portal_id name api_key active")

_conn = None


def connection():
    global _conn
    if _conn is None:
        _conn = sqlite3.connect(os.environ.get("WORKER_DB", ":memory:"))
        _conn.execute(
            "CREATE TABLE IF NOT EXISTS portals ("
            " portal_id INTEGER PRIMARY KEY, name TEXT, api_key TEXT, active INTEGER)"
        )
    return _conn


def add_portal(portal_id, name, api_key, active=True):
    connection().execute(
        "INSERT OR REPLACE INTO portals VALUES (?, ?, ?, ?)",
        (portal_id, name, api_key, 1 if active else 0),
    )


def get_portal(portal_id):
    row = connection().execute(
        "SELECT portal_id, name, api_key, active FROM portals WHERE portal_id = ?",
        (int(portal_id),),
    ).fetchone()
    if row is None:
        raise LookupError("portal %s not installed" % portal_id)
    return Portal(*row)


def active_portals():
    rows = connection().execute(
        "SELECT portal_id, name, api_key, active FROM portals WHERE active = 1 ORDER BY portal_id"
    )
    return [Portal(*row) for row in rows]
