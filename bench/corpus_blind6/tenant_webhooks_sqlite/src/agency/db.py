"""Portals the agency manages: one row per client portal, with that portal's API key."""
import sqlite3

_conn = None


def connect(path=":memory:"):
    global _conn
    _conn = sqlite3.connect(path)
    _conn.row_factory = sqlite3.Row
    _conn.execute("CREATE TABLE IF NOT EXISTS portals (portal_id INTEGER PRIMARY KEY, "
                  "name TEXT, api_key TEXT, slack_channel TEXT)")
    return _conn


def add_portal(portal_id, name, api_key, slack_channel=None):
    _conn.execute("INSERT INTO portals VALUES (?, ?, ?, ?)", (portal_id, name, api_key, slack_channel))


def portal(portal_id):
    row = _conn.execute("SELECT * FROM portals WHERE portal_id = ?", (portal_id,)).fetchone()
    return dict(row) if row else None
