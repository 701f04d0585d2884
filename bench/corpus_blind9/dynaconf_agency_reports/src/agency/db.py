"""Client registry (sqlite in dev, the same schema on Postgres in prod)."""
import sqlite3
from collections import namedtuple

Client = namedtuple("Client", "id name hubspot_key oauth_token active")

_conn = None


def connect(path=":memory:"):
    global _conn
    if _conn is None:
        _conn = sqlite3.connect(path)
        _conn.execute(
            "create table if not exists clients (id integer primary key, name text,"
            " hubspot_key text, oauth_token text, active integer default 1)"
        )
    return _conn


def add_client(name, hubspot_key=None, oauth_token=None, active=True):
    cur = connect().execute(
        "insert into clients (name, hubspot_key, oauth_token, active) values (?, ?, ?, ?)",
        (name, hubspot_key, oauth_token, int(active)),
    )
    return cur.lastrowid


def active_clients():
    rows = connect().execute(
        "select id, name, hubspot_key, oauth_token, active from clients where active = 1 order by id"
    )
    return [Client(*row) for row in rows]


def get_client(client_id):
    row = connect().execute(
        "select id, name, hubspot_key, oauth_token, active from clients where id = ?", (client_id,)
    ).fetchone()
    return Client(*row) if row else None
