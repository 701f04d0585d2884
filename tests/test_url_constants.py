"""A class attribute URL holding the key, read by other modules, in a class
whose constructor takes the key (issue #12): blind3 shopify_orders_hubspot3
``shopsync/orders.py:14`` (``class OrderSync: CONTACT_URL = settings.HUBSPOT_BASE
+ "...profile?hapikey=" + settings.HUBSPOT_KEY``, ``def __init__(self,
api_key=settings.HUBSPOT_KEY)``), read by ``lookup.py:7`` as
``requests.get(OrderSync.CONTACT_URL.format(email=email))``. The URL migrated
with its reader, but the constructor's clients stayed manual: "OrderSync is
used here other than called".

- Reading a class-body value that is itself a carrier makes no instance and
  hands in no key: the constructor migrates (its default and clients take the
  token), the URL loses its key, its reader's request gets the header, and
  the project sends the same requests with the token (behaviour harness).
- Any other read of the class keeps the constructor manual: an attribute that
  is not such a carrier (a method, a factory, a plain constant the reader
  cannot see), a write to the attribute; a reader sending the URL to
  something hapimigrate does not follow keeps the URL and its key.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, migrate

SETTINGS = """\
import os

HUBSPOT_KEY = os.environ.get("HUBSPOT_API_KEY")
HUBSPOT_BASE = "https://api.hubapi.com"
"""

ORDERS = """\
from hubspot3.deals import DealsClient

from shop import settings


class OrderSync(object):
    CONTACT_URL = settings.HUBSPOT_BASE + "/contacts/v1/contact/email/{email}/profile?hapikey=" + settings.HUBSPOT_KEY
    LIMIT = 10

    def __init__(self, api_key=settings.HUBSPOT_KEY):
        self.deals = DealsClient(api_key=api_key)

    def push(self, name):
        return self.deals.create({"properties": [{"name": "dealname", "value": name}]})
"""

LOOKUP = """\
import requests

from shop.orders import OrderSync


def contact_exists(email):
    resp = requests.get(OrderSync.CONTACT_URL.format(email=email))
    return resp.status_code == 200
"""

SCENARIO = '''\
"""A class attribute URL read by another module."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/a@x.io/profile", "json": {"vid": 1}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/gone@x.io/profile", "status": 404, "json": {}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 90}},
]


def case_lookup(credential):
    from shop import lookup

    assert lookup.contact_exists("a@x.io") is True
    assert lookup.contact_exists("gone@x.io") is False


def case_push(credential):
    from shop.orders import OrderSync

    assert OrderSync().push("x") == {"dealId": 90}
'''


def files(lookup: str = LOOKUP) -> dict[str, str]:
    return {
        "shop/__init__.py": "",
        "shop/settings.py": SETTINGS,
        "shop/orders.py": ORDERS,
        "shop/lookup.py": lookup,
    }


def test_the_constructor_and_the_url_migrate_together(tmp_path):
    out = migrate(tmp_path, files())
    statuses, text, reasons = out["shop/orders.py"]
    assert statuses and all(s == Status.REWRITE for s in statuses), reasons
    assert "hapikey" not in text and "HUBSPOT_KEY" not in text
    # read as leniently as settings.HUBSPOT_KEY was (os.environ.get)
    assert 'def __init__(self, api_key=os.environ.get("HUBSPOT_ACCESS_TOKEN")):' in text
    assert "DealsClient(access_token=api_key)" in text
    statuses, text, reasons = out["shop/lookup.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        "requests.get(OrderSync.CONTACT_URL.format(email=email), headers="
        '{"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]})'
    ) in text


def test_the_project_behaves_the_same_with_the_token(tmp_path):
    project = {f"src/{name}": text for name, text in files().items()}
    project["scenario.py"] = SCENARIO
    behaves(tmp_path, project, manual=0)


def _constructor_kept(tmp_path, lookup: str, *words: str) -> list[str]:
    out = migrate(tmp_path, files(lookup))
    statuses, text, reasons = out["shop/orders.py"]
    assert "def __init__(self, api_key=settings.HUBSPOT_KEY):" in text
    assert "DealsClient(api_key=api_key)" in text
    said = " ".join(r for _, _, found in out.values() for r in found)
    for word in words:
        assert word in said, (word, said)
    return said


def test_another_attribute_of_the_class_keeps_the_constructor(tmp_path):
    """``OrderSync.LIMIT`` is no carrier: the reader cannot tell it is a plain
    value of the class body (it might be a factory)."""
    lookup = LOOKUP + "\n\ndef limit():\n    return OrderSync.LIMIT\n"
    _constructor_kept(tmp_path, lookup, "OrderSync is used here other than called")


def test_a_write_to_the_attribute_keeps_the_constructor(tmp_path):
    lookup = LOOKUP + (
        "\n\ndef reset():\n"
        '    OrderSync.CONTACT_URL = "https://api.hubapi.com/contacts/v1/x"\n'
    )
    _constructor_kept(tmp_path, lookup, "OrderSync is used here other than called")


def test_a_call_of_a_method_of_the_class_keeps_the_constructor(tmp_path):
    lookup = LOOKUP + "\n\ndef push(name):\n    return OrderSync.push(None, name)\n"
    _constructor_kept(tmp_path, lookup)


def test_the_url_sent_to_another_host_keeps_its_key(tmp_path):
    """The URL handed to a call hapimigrate does not follow keeps the key
    (class_carriers); the constructor may still migrate on its own."""
    lookup = LOOKUP + (
        "\n\ndef share():\n"
        '    requests.post("https://hooks.example.com/in", json={"u": OrderSync.CONTACT_URL})\n'
    )
    out = migrate(tmp_path, files(lookup))
    assert "?hapikey=" in out["shop/orders.py"][1]
    assert out["shop/lookup.py"][1] == lookup
    assert Status.REWRITE not in out["shop/lookup.py"][0]
