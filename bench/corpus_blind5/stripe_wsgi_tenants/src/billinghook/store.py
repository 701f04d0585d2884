"""Tenants: which HubSpot portal a Stripe account belongs to, and how to reach it.
Old tenants gave us a portal API key; new ones installed the OAuth app."""
import sqlite3

_db = sqlite3.connect(":memory:")
_db.row_factory = sqlite3.Row
_db.execute(
    "CREATE TABLE tenants (stripe_account TEXT PRIMARY KEY, portal_id INTEGER,"
    " auth_mode TEXT, hubspot_key TEXT, oauth_token TEXT, pipeline TEXT)"
)


def add_tenant(stripe_account, portal_id, hubspot_key=None, oauth_token=None, pipeline="default"):
    mode = "oauth" if oauth_token else "key"
    _db.execute(
        "INSERT OR REPLACE INTO tenants VALUES (?, ?, ?, ?, ?, ?)",
        (stripe_account, portal_id, mode, hubspot_key, oauth_token, pipeline),
    )


def tenant_for(stripe_account):
    row = _db.execute("SELECT * FROM tenants WHERE stripe_account = ?", (stripe_account,)).fetchone()
    return dict(row) if row else None
