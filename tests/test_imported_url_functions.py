"""A URL helper of another module (``def url(path): return HUBSPOT + path``
beside a shared session) renders in its readers as its constant followed by the
argument, so a session whose requests all go through it keeps the token to
HubSpot (blind7's shared_session_modules: 6 sites manual, "session also sends
to other hosts ... no request of it names HubSpot's API host"). A helper
decorated, bound twice, or built on another host's constant tells nothing."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from hapimigrate.tree_imports import _constants
from tests.trees import behaves, key_sites, tree

SESSION = """\
import os

import requests

HUBSPOT = "https://api.hubapi.com"
KEY = os.environ.get("HUBSPOT_API_KEY")

session = requests.Session()
session.params = {"hapikey": KEY}


def url(path):
    return HUBSPOT + path
"""
CONTACTS = """\
from .hs_session import session, url


def add_to_list(list_id, vids):
    return session.post(url("/contacts/v1/lists/%d/add" % list_id), json={"vids": vids})
"""
COMPANIES = """\
from crm import hs_session


def company(company_id):
    return hs_session.session.get(hs_session.url("/companies/v2/companies/%s" % company_id))
"""


def files(session: str = SESSION) -> dict[str, str]:
    return {
        "crm/__init__.py": "",
        "crm/hs_session.py": session,
        "crm/contacts.py": CONTACTS,
        "crm/companies.py": COMPANIES,
    }


def test_a_session_whose_requests_go_through_the_helper_gets_the_header(tmp_path):
    results = tree(tmp_path, files())
    sites = [s for r in results.values() for s in key_sites(r)]
    assert sites and {s.status for s in sites} == {Status.REWRITE}, [
        s.reason for s in sites
    ]
    session = results["crm/hs_session.py"].new.decode()
    assert "hapikey" not in session and 'session.headers["Authorization"]' in session


def test_the_session_behaves_as_before_with_a_token(tmp_path):
    project = {f"src/{name}": text for name, text in files().items()} | {
        "scenario.py": (
            '"""A session shared by modules through a URL helper."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_both(credential):\n"
            "    from crm import companies, contacts\n\n"
            "    contacts.add_to_list(7, [1, 2])\n"
            "    companies.company(9)\n"
        )
    }
    behaves(tmp_path / "shared", project, manual=0)


@pytest.mark.parametrize(
    "session",
    [
        SESSION.replace('"https://api.hubapi.com"', '"https://crm-proxy.example.com"'),
        SESSION.replace("def url(path):", "@functools.lru_cache()\ndef url(path):"),
        SESSION + "\n\nurl = lambda path: MIRROR + path\n",
    ],
    ids=["another_host", "decorated", "bound_twice"],
)
def test_a_helper_that_may_go_elsewhere_keeps_the_session(tmp_path, session):
    results = tree(tmp_path, files(session))
    assert not results["crm/hs_session.py"].changed
    sites = key_sites(results["crm/hs_session.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites)


def test_only_a_one_argument_helper_on_a_constant_is_read(tmp_path):
    path = tmp_path / "m.py"
    path.write_text(
        'BASE = "https://api.hubapi.com"\n\n\n'
        "def url(path):\n    return BASE + path\n\n\n"
        "def two(path, query):\n    return BASE + path\n\n\n"
        "def other(path):\n    return path + BASE\n"
    )
    assert ("url()", "https://api.hubapi.com") in _constants(str(path))
    assert not {n for n, _ in _constants(str(path))} & {"two()", "other()"}
