"""A URL template filled where it is used (``self.url.format(vid=..., key=...)``)
that a subclass sets again with its own ``{key}``: dropping the key's argument
for the base's template would leave the subclass's field unfilled (review 15's
R6: ``ContactsByEmail().get()`` raised KeyError). Both stay manual; a template
no other class sets still migrates."""

from __future__ import annotations

import re

from hapimigrate.model import Status
from tests.trees import key_sites, tree

BASE = """\
import os

import requests


class Contacts(object):
    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]
        self.url = "https://api.hubapi.com/contacts/v1/contact/vid/{vid}/profile?hapikey={key}"

    def get(self, vid):
        return requests.get(self.url.format(vid=vid, key=self.key)).json()
"""
SUBCLASS = """

class ContactsByEmail(Contacts):
    def __init__(self):
        super(ContactsByEmail, self).__init__()
        self.url = "https://api.hubapi.com/contacts/v1/contact/email/{vid}/profile?hapikey={key}"
"""


def test_a_template_a_subclass_sets_again_stays_manual(tmp_path):
    result = tree(tmp_path, {"contacts.py": BASE + SUBCLASS})["contacts.py"]
    assert not result.changed
    sites = key_sites(result)
    assert [s.status for s in sites] == [Status.MANUAL, Status.MANUAL]
    # the subclass sets it again and reads it: either reason names it
    assert re.search(r"also (set|read) by (subclass )?ContactsByEmail", sites[0].reason)


def test_a_template_no_other_class_sets_migrates(tmp_path):
    result = tree(tmp_path, {"contacts.py": BASE})["contacts.py"]
    urls = [s for s in key_sites(result) if s.kind.value == "url"]
    assert [s.status for s in urls] == [Status.REWRITE]
    assert "key=" not in result.new.decode()
