"""A class-level ``api_key = None`` that the constructor always replaces
(real sample 4's ``class Hubspot: api_key = None`` with ``self.api_key =
api_key`` in ``__init__``) is no configured default: the key is the caller's,
as in a class without the line. Where an instance may still see the ``None``
(set under an ``if``, a subclass's own ``__init__``) the site stays manual."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

CLIENT = """\
import requests


class Hubspot(object):
    api_key = None

    def __init__(self, api_key):
        self.api_key = api_key

    def find_contact_by_email(self, email):
        url = "https://api.hubapi.com/contacts/v1/contact/email/%s/profile?hapikey=%s"
        return requests.get(url % (email, self.api_key)).json()
"""


def _statuses(tmp_path, source: str):
    result = tree(tmp_path, {"hubspot.py": source})["hubspot.py"]
    return result, [s.status for s in key_sites(result)]


def test_the_constructors_key_replaces_the_class_default(tmp_path):
    result, statuses = _statuses(tmp_path, CLIENT)
    assert statuses == [Status.REWRITE]
    new = result.new.decode()
    assert '"Bearer " + self.api_key' in new and "hapikey" not in new


def test_a_key_set_only_under_a_test_keeps_the_default_in_play(tmp_path):
    source = CLIENT.replace(
        "        self.api_key = api_key\n",
        "        if api_key:\n            self.api_key = api_key\n",
    )
    result, statuses = _statuses(tmp_path, source)
    assert statuses == [Status.MANUAL]
    assert not result.changed


def test_a_subclass_with_its_own_constructor_keeps_it_manual(tmp_path):
    source = CLIENT + (
        "\n\nclass Sandbox(Hubspot):\n" "    def __init__(self):\n" "        pass\n"
    )
    result, statuses = _statuses(tmp_path, source)
    assert statuses == [Status.MANUAL]
    assert not result.changed
