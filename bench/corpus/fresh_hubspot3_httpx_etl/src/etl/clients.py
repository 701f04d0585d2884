import functools

from hubspot3 import Hubspot3
from hubspot3.contacts import ContactsClient

from etl.settings import HUBSPOT

HUBSPOT_CONFIG = {"api_key": HUBSPOT["api_key"], "timeout": HUBSPOT["timeout"]}

hubspot = Hubspot3(**HUBSPOT_CONFIG)


@functools.lru_cache(maxsize=32)
def contacts_client(api_key):
    # one ContactsClient per portal key (we also load partner portals)
    return ContactsClient(api_key, timeout=HUBSPOT["timeout"])
