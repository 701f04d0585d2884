"""Owner e-mails of every client portal the agency manages (keys in one JSON variable)."""
import json
import os

from crmjobs import raw


def client_portal_keys():
    return json.loads(os.environ.get("CLIENT_PORTAL_KEYS", "{}"))


def owner_emails(owner_id=31):
    emails = {}
    for name, key in sorted(client_portal_keys().items()):
        emails[name] = raw.owner(owner_id, api_key=key)["email"]
    return emails
