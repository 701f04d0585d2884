"""Tenant registry: one row per connected HubSpot portal (sqlite in dev, Postgres in prod)."""
import sqlite3

_conn = None


def conn():
    global _conn
    if _conn is None:
        _conn = sqlite3.connect(":memory:")
        _conn.row_factory = sqlite3.Row
        _conn.execute(
            "CREATE TABLE IF NOT EXISTS portals (portal_id INTEGER PRIMARY KEY, name TEXT,"
            " hapikey TEXT, slack_channel TEXT)"
        )
    return _conn


def add_portal(portal_id, name, hapikey, slack_channel=None):
    conn().execute("INSERT OR REPLACE INTO portals VALUES (?, ?, ?, ?)", (portal_id, name, hapikey, slack_channel))


def get_portal(portal_id):
    return conn().execute("SELECT * FROM portals WHERE portal_id = ?", (portal_id,)).fetchone()
