import time

from revops.hubspot_api import client
from revops.settings import get_settings

_cache = {"at": 0, "owners": {}}


def owners_by_id():
    if time.time() - _cache["at"] > get_settings().owners_cache_ttl:
        _cache["owners"] = {o["ownerId"]: o for o in client().get("/owners/v2/owners")}
        _cache["at"] = time.time()
    return _cache["owners"]
