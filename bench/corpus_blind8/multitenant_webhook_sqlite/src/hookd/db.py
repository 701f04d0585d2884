"""Installed portals. Older installs pasted an API key; newer ones went through OAuth."""
import os
import sqlite3

_conn = None

SCHEMA = """
CREATE TABLE IF NOT EXISTS portals (
    portal_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    api_key TEXT,
    access_token TEXT,
    owner_queue INTEGER
)
"""


def connect():
    global _conn
    if _conn is None:
        _conn = sqlite3.connect(os.environ.get("HOOKD_DB", ":memory:"))
        _conn.row_factory = sqlite3.Row
        _conn.execute(SCHEMA)
    return _conn


def add_portal(portal_id, name, api_key=None, access_token=None, owner_queue=None):
    db = connect()
    db.execute(
        "INSERT OR REPLACE INTO portals (portal_id, name, api_key, access_token, owner_queue) VALUES (?, ?, ?, ?, ?)",
        (portal_id, name, api_key, access_token, owner_queue),
    )
    db.commit()


def portal(portal_id):
    row = connect().execute("SELECT * FROM portals WHERE portal_id = ?", (portal_id,)).fetchone()
    if row is None:
        raise KeyError(portal_id)
    return row
