"""Portal registry: one row per installed HubSpot portal."""
import sqlite3

_conn = None


def init(path="tenants.db"):
    global _conn
    _conn = sqlite3.connect(path)
    _conn.row_factory = sqlite3.Row
    _conn.execute(
        "CREATE TABLE IF NOT EXISTS portals (portal_id TEXT PRIMARY KEY, api_key TEXT,"
        " slack_webhook TEXT, owner_id INTEGER)"
    )
    return _conn


def add_portal(portal_id, api_key, slack_webhook=None, owner_id=None):
    _conn.execute("INSERT OR REPLACE INTO portals VALUES (?, ?, ?, ?)",
                  (str(portal_id), api_key, slack_webhook, owner_id))


def portal_row(portal_id):
    cur = _conn.execute("SELECT * FROM portals WHERE portal_id = ?", (str(portal_id),))
    return cur.fetchone()
