"""Installed portals. sqlite for dev, Postgres in production (same SQL)."""
import sqlite3
import threading

_local = threading.local()
SCHEMA = """
CREATE TABLE IF NOT EXISTS portals (
    portal_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    hubspot_api_key TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
)
"""


def connection(path=":memory:"):
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(path)
        conn.execute(SCHEMA)
        _local.conn = conn
    return conn


def save_portal(portal_id, name, api_key):
    conn = connection()
    conn.execute(
        "INSERT OR REPLACE INTO portals (portal_id, name, hubspot_api_key) VALUES (?, ?, ?)",
        (portal_id, name, api_key),
    )
    conn.commit()


def portal_key(portal_id):
    row = connection().execute(
        "SELECT hubspot_api_key FROM portals WHERE portal_id = ? AND active = 1", (portal_id,)
    ).fetchone()
    return row[0] if row else None


def deactivate(portal_id):
    connection().execute("UPDATE portals SET active = 0 WHERE portal_id = ?", (portal_id,))
