"""A query holding the key, encoded and handed to a written-out ``%`` template
as one of its arguments (``"%s%s?%s" % (BASE, path, urlencode(query))``): the
text carries it on, as ``"{}?{}".format(...)`` does, so the key leaves the
query and the request gets the header (blind4 crmsync, blind5 py23, triage
shape B: "the value is used in a list or tuple"). Named fields, a template
that is not written out, or a starred tuple tell nothing."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

HS = """\
import json
import os
from urllib.parse import urlencode
from urllib.request import Request, urlopen

BASE = "https://api.hubapi.com"
API_KEY = os.environ.get("HUBSPOT_API_KEY", "")


def call(method, path, query=None):
    qs = urlencode(dict(query or {}, hapikey=API_KEY))
    req = Request("%s%s?%s" % (BASE, path, qs), method=method)
    with urlopen(req) as resp:
        return json.loads(resp.read().decode() or "null")


def owners():
    return call("GET", "/owners/v2/owners", {"email": "a@example.com"})
"""


def test_the_key_leaves_the_query_and_the_request_gets_the_header(tmp_path):
    results = tree(tmp_path, {"app/__init__.py": "", "app/hs.py": HS})
    hs = results["app/hs.py"]
    sites = key_sites(hs)
    assert sites and all(s.status == Status.REWRITE for s in sites), [
        s.reason for s in sites
    ]
    text = hs.new.decode()
    assert "urlencode(dict(query or {}))" in text
    assert 'headers={"Authorization": "Bearer "' in text


def test_it_behaves_as_before_with_a_token(tmp_path):
    project = {"src/app/__init__.py": "", "src/app/hs.py": HS} | {
        "scenario.py": (
            '"""A % template around an encoded query."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_owners(credential):\n"
            "    from app.hs import owners\n\n"
            "    owners()\n"
        )
    }
    behaves(tmp_path / "percent", project, manual=0)


@pytest.mark.parametrize(
    "template",
    [
        '"%(base)s%(path)s?%(qs)s" % {"base": BASE, "path": path, "qs": qs}',
        "TEMPLATE % (BASE, path, qs)",
        '"%s%s?%s" % (*(BASE, path), qs)',
        '"%s%s?%s%s" % (BASE, path, qs)',
    ],
    ids=["named_fields", "template_not_written_out", "starred", "fields_miscounted"],
)
def test_other_templates_keep_the_site(tmp_path, template):
    hs = HS.replace('"%s%s?%s" % (BASE, path, qs)', template).replace(
        'BASE = "https://api.hubapi.com"\n',
        'BASE = "https://api.hubapi.com"\nTEMPLATE = "%s%s?%s"\n',
    )
    results = tree(tmp_path, {"app/__init__.py": "", "app/hs.py": hs})
    hs_result = results["app/hs.py"]
    assert not hs_result.changed
    sites = key_sites(hs_result)
    assert sites and all(s.status == Status.MANUAL for s in sites)
