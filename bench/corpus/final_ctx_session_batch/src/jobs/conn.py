import contextlib
import os

import requests

HS_API = "https://api.hubapi.com"
STORAGE = os.environ.get("STORAGE_URL", "https://backups.nyc3.digitaloceanspaces.com/hubspot-dumps")

_session = requests.Session()
_session.headers["User-Agent"] = "hs-backup/0.3"


def session():
    return _session


@contextlib.contextmanager
def hubspot_auth(sess=None, api_key=None):
    """Temporarily put the portal key on the shared session."""
    sess = sess or _session
    old = dict(sess.params or {})
    sess.params = dict(old, hapikey=api_key or os.environ["HUBSPOT_API_KEY"])
    try:
        yield sess
    finally:
        sess.params = old


def upload(name, body):
    # storage bucket is public-write behind the VPN, no auth
    r = _session.put("%s/%s" % (STORAGE, name), data=body,
                     headers={"Content-Type": "application/json", "x-amz-acl": "private"})
    return r.status_code
