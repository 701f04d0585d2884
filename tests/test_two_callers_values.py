"""A key that is one of two values callers hand in (``key = key or
self.settings.api_key``: the method's parameter, or a field of the settings
object the constructor was given): callers passing no key send the object's
field, which is still the portal's key where the object is made (blind7's
flask_blueprint_dataclass, rewritten to ``Bearer <key>`` before). Which token
each caller passes is for a person."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

SETTINGS = """\
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    api_key: str


def from_env():
    return Settings(api_key=os.environ["HUBSPOT_API_KEY"])
"""
SERVICES = """\
import requests

BASE = "https://api.hubapi.com"


class Notes:
    def __init__(self, settings):
        self.settings = settings

    def add(self, vid, key=None):
        key = key or self.settings.api_key
        return requests.post(
            BASE + "/engagements/v1/engagements?hapikey=" + key, json={"vid": vid}
        )
"""
VIEWS = """\
from services import Notes
from settings import from_env


def lead(email):
    Notes(from_env()).add(7)
"""


def test_a_parameter_or_a_field_of_what_the_constructor_got_is_left(tmp_path):
    results = tree(
        tmp_path,
        {"settings.py": SETTINGS, "services.py": SERVICES, "views.py": VIEWS},
    )
    services = results["services.py"]
    assert not services.changed
    sites = key_sites(services)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert "the caller's or a configured default (key of add())" in sites[0].reason
