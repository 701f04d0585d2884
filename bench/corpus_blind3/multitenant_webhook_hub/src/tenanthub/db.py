"""Portal registry (sqlite in dev, Postgres in prod via the same SQL)."""
import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS portals (
    portal_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    hapikey TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    portal_id INTEGER,
    object_id INTEGER,
    kind TEXT
);
"""

_conn = None


def connect(path=":memory:"):
    global _conn
    _conn = sqlite3.connect(path)
    _conn.row_factory = sqlite3.Row
    _conn.executescript(SCHEMA)
    return _conn


def conn():
    return _conn or connect()


def add_portal(portal_id, name, hapikey):
    conn().execute("INSERT INTO portals (portal_id, name, hapikey) VALUES (?, ?, ?)", (portal_id, name, hapikey))


def portal(portal_id):
    row = conn().execute("SELECT * FROM portals WHERE portal_id = ? AND active = 1", (portal_id,)).fetchone()
    return dict(row) if row else None


def log_event(portal_id, object_id, kind):
    conn().execute("INSERT INTO events (portal_id, object_id, kind) VALUES (?, ?, ?)", (portal_id, object_id, kind))
