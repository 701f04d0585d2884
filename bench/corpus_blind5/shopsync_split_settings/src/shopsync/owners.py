"""Owner lookup, cached; uses the key cached by shopsync.config at import."""
import requests

from shopsync.config import hubspot_key

_OWNERS = {}


def owner_email(owner_id):
    if not _OWNERS:
        url = f"https://api.hubapi.com/owners/v2/owners?hapikey={hubspot_key()}&includeInactive=true"
        for owner in requests.get(url, timeout=10).json():
            _OWNERS[owner["ownerId"]] = owner["email"]
    return _OWNERS.get(owner_id)
