"""Installed portals live in Firestore: portals/{portalId} = {hapikey, name, chat_webhook}."""
from google.cloud import firestore

_db = None


def db():
    global _db
    if _db is None:
        _db = firestore.Client()
    return _db


def portal(portal_id):
    snap = db().collection("portals").document(str(portal_id)).get()
    return snap.to_dict() if snap.exists else None
