"""Portal registry: one row per customer portal that installed the integration."""
import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS portals (
    portal_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    api_key TEXT NOT NULL,
    owner_id INTEGER
);
CREATE TABLE IF NOT EXISTS processed (
    event_id TEXT PRIMARY KEY
);
"""


def connect(path=":memory:"):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.executescript(SCHEMA)
    return conn


def add_portal(conn, portal_id, name, api_key, owner_id=None):
    conn.execute(
        "INSERT OR REPLACE INTO portals VALUES (?, ?, ?, ?)",
        (portal_id, name, api_key, owner_id),
    )
    conn.commit()


def portal(conn, portal_id):
    return conn.execute(
        "SELECT * FROM portals WHERE portal_id = ?", (portal_id,)
    ).fetchone()


def seen(conn, event_id):
    cur = conn.execute("INSERT OR IGNORE INTO processed VALUES (?)", (str(event_id),))
    conn.commit()
    return cur.rowcount == 0
