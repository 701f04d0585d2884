"""A twelfth review's findings on keys given to APIs that refuse tokens, code
that no longer compiles, keys left beside the header, and what is reported:

* R4: a webhooks or timeline-template URL built with ``posixpath.join``,
  ``os.path.join`` or ``"/".join(parts)`` renders to no path; the developer
  key sent there was replaced by a token (refused). Such a URL is rendered
  through the joins and the names feeding them; when it (or the module) names
  a developer-key API, the request stays for a person.
* R9: Python 2 code that Python 3 also parses (``import urlparse``,
  ``.has_key(``, ``unicode(``, a python2 kernel's notebook) got ``{**h}``
  written in: a SyntaxError on Python 2. It gets ``dict(h or {}, ...)``.
* R13: a ``@property`` / ``@cached_property`` returning the key's params is
  read as ``self.auth``: followed to the request like a call, so the key goes
  from there too (it stayed in the URL beside the new header).
* The scope line of a run whose migrated calls go to unknown endpoints says so
  (it said the code "needs no scopes").
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from hapimigrate import hubspot, providers, run
from hapimigrate.model import FileResult, RunOptions, Status
from hapimigrate.output import report_text
from hapimigrate import report as reporting
from tests.conftest import migrate

OPTIONS = RunOptions(providers.resolve(None))


def _python2() -> str | None:
    """A Python 2.7 that runs here (pyenv's shims may name one not selected)."""
    candidates = sorted(
        glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/bin/python"))
    )
    candidates += [p for p in (shutil.which("python2.7"), shutil.which("python2")) if p]
    for candidate in candidates:
        try:
            done = subprocess.run(
                [candidate, "-c", "import sys; assert sys.version_info[0] == 2"],
                capture_output=True,
            )
        except OSError:
            continue
        if done.returncode == 0:
            return candidate
    return None


PYTHON2 = _python2()


def statuses(result: FileResult) -> dict[int, tuple[Status, str]]:
    return {s.line: (s.status, s.reason) for s in result.sites}


def new_text(result: FileResult) -> str | None:
    assert result.error is None, result.error
    return result.new.decode() if result.new is not None else None


# -- R4 ------------------------------------------------------------------------

HEAD = (
    "import os\nimport posixpath\nimport requests\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\nAPP_ID = '777'\n"
    "BASE = 'https://api.hubapi.com'\nWEBHOOKS = 'webhooks/v3'\n"
)

JOINED_DEVELOPER_URLS = {
    "posixpath.join of constants": (
        "def f():\n    return requests.get(posixpath.join(BASE, WEBHOOKS, APP_ID,"
        " 'settings'), params={'hapikey': KEY})\n",
        "webhooks",
    ),
    "os.path.join, timeline templates": (
        "def f():\n    return requests.get(os.path.join(BASE, 'crm/v3/timeline',"
        " APP_ID, 'event-templates'), params={'hapikey': KEY})\n",
        "timeline event templates",
    ),
    "'/'.join of a list bound to a name": (
        "def f():\n    parts = [BASE, WEBHOOKS, APP_ID, 'subscriptions']\n"
        "    return requests.get('/'.join(parts), params={'hapikey': KEY})\n",
        "webhooks",
    ),
    "'/'.join of a literal list with a run-time id, added to the base": (
        "APP = os.environ.get('APP', '1')\n"
        "def f():\n    path = '/'.join(['', 'webhooks', 'v3', APP, 'subscriptions'])\n"
        "    return requests.get(BASE + path, params={'hapikey': KEY})\n",
        "webhooks",
    ),
    "a join inside an f-string, lower-cased": (
        'def f():\n    url = f"{BASE}/{posixpath.join(WEBHOOKS, APP_ID)}/settings".lower()\n'
        "    return requests.get(url, params={'hapikey': KEY})\n",
        "webhooks",
    ),
    "urljoin of a path join": (
        "from urllib.parse import urljoin\n"
        "def f():\n    return requests.get(urljoin(BASE, posixpath.join(WEBHOOKS, APP_ID,"
        " 'settings')), params={'hapikey': KEY})\n",
        "webhooks",
    ),
    "a prefix constant and a path from the caller": (
        "def f(path):\n    return requests.get(posixpath.join(BASE, WEBHOOKS, path),"
        " params={'hapikey': KEY})\n",
        "webhooks",
    ),
    "the key in the URL's query": (
        "def f():\n    return requests.get(posixpath.join(BASE, WEBHOOKS, APP_ID,"
        " 'settings') + '?hapikey=' + KEY)\n",
        "webhooks",
    ),
}


@pytest.mark.parametrize("name", sorted(JOINED_DEVELOPER_URLS))
def test_a_joined_developer_url_keeps_its_key(name):
    body, family = JOINED_DEVELOPER_URLS[name]
    result = migrate(HEAD + body)
    assert new_text(result) is None  # nothing rewritten: the developer key stays
    sends = [s for s in result.sites if s.status != Status.MANUAL or "URL" in s.reason]
    assert sends and all(s.status == Status.MANUAL for s in sends), result.sites
    assert any(f"developer-key API ({family})" in s.reason for s in sends)


def test_an_unreadable_url_in_a_module_without_developer_apis_is_migrated():
    source = (
        "import os, posixpath, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "BASE = 'https://api.hubapi.com'\n"
        "def f(kind):\n    return requests.get(posixpath.join(BASE, 'crm/v3/objects',"
        " kind), params={'hapikey': KEY})\n"
        "def g(path):\n    return requests.get(BASE + path, params={'hapikey': KEY})\n"
    )
    text = new_text(migrate(source))
    assert text is not None and "hapikey" not in text
    assert text.count("Authorization") == 2


def test_a_readable_portal_url_beside_webhooks_calls_is_still_migrated():
    source = HEAD + (
        "def hooks():\n    return requests.get(BASE + '/webhooks/v3/%s/settings'"
        " % APP_ID, params={'hapikey': KEY})\n"
        "def owners():\n    return requests.get(BASE + '/crm/v3/owners',"
        " params={'hapikey': KEY})\n"
    )
    result = migrate(source)
    assert {s.line: s.status for s in result.sites if s.line in (9, 11)} == {
        9: Status.KEPT,
        11: Status.REWRITE,  # its endpoint is known: it takes a token
    }


@pytest.mark.parametrize(
    "text, family",
    [
        ("https://api.hubapi.com/webhooks/v3/777/settings", "webhooks"),
        ("{}/webhooks/v3/{}/subscriptions", "webhooks"),
        ("https://api.hubapi.com//crm/v3/timeline/{}/event-templates", None),
        ("/crm/v3/timeline/{}/event-templates", "timeline event templates"),
        ("{}/crm/v3/objects/contacts", None),
        ("{}/{}/{}", None),
        ("{}", None),
        ("/crm/v3/timeline/events", None),
    ],
)
def test_developer_api_named(text, family):
    found = hubspot.developer_api_named(text)
    if family is None and "timeline" in text and "event-templates" in text:
        assert found == "timeline event templates"  # a doubled slash is one
    else:
        assert found == family


# -- R9 ------------------------------------------------------------------------

PY2_BODY = (
    "import os\nimport requests\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n"
    "def owners(headers=None):\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY,"
    " headers=headers)\n"
    "def deals(**kw):\n"
    "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
    " params={'hapikey': KEY}, **kw)\n"
)

PYTHON2_SIGNS = {
    "import urlparse": "import urlparse\n",
    "import httplib": "import httplib\n",
    "import ConfigParser": "import ConfigParser\n",
    "from StringIO import": "from StringIO import StringIO\n",
    "import cPickle": "import cPickle as pickle\n",
    "six": "import six\n",
    ".has_key(": "def known(d):\n    return d.has_key('x')\n",
    "unicode(": "def text(x):\n    return unicode(x)\n",
    "raw_input(": "def ask():\n    return raw_input('> ')\n",
    ".itervalues(": "def vals(d):\n    return list(d.itervalues())\n",
    "sys.maxint": "import sys\nBIG = sys.maxint\n",
    "unicode_literals": "from __future__ import unicode_literals\n",
    "absolute_import, in parentheses": "from __future__ import (absolute_import,\n    division)\n",
}


def _python2_compiles(text: str, tmp_path: Path) -> None:
    """Python 2.7 compiles ``text``; with fissix's Python 2 grammar where no
    Python 2 is installed."""
    if PYTHON2 is not None:
        path = tmp_path / "py2check.py"
        path.write_text(text)
        done = subprocess.run(
            [
                PYTHON2,
                "-c",
                "import sys; compile(open(sys.argv[1]).read(), 'f', 'exec')",
                str(path),
            ],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    else:
        from fissix import pygram, pytree
        from fissix.pgen2 import driver

        grammar = pygram.python_grammar_no_print_statement
        driver.Driver(grammar, convert=pytree.convert).parse_string(text)


@pytest.mark.parametrize("sign", sorted(PYTHON2_SIGNS))
def test_python2_code_python3_parses_gets_python2_forms(sign, tmp_path):
    text = new_text(migrate(PYTHON2_SIGNS[sign] + PY2_BODY))
    assert text is not None
    assert "{**" not in text
    assert 'dict(headers or {}, Authorization="Bearer "' in text
    assert 'dict(kw.get("headers") or {}, Authorization=' in text
    _python2_compiles(text, tmp_path)


@pytest.mark.parametrize(
    "sign",
    [
        "from urllib.parse import urlparse\n",
        "from __future__ import annotations\n",
        "import configparser\n",
        "def to_unicode(x):\n    return x\n",
    ],
)
def test_python3_code_keeps_python3_forms(sign):
    text = new_text(migrate(sign + PY2_BODY))
    assert text is not None and "{**(headers or {})" in text


def test_a_python2_shebang_is_a_sign(tmp_path):
    text = new_text(migrate("#!/usr/bin/env python2\n" + PY2_BODY))
    assert "{**" not in text
    _python2_compiles(text, tmp_path)


def _notebook(cells: list[str], metadata: dict) -> str:
    return json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {},
                    "outputs": [],
                    "source": source.splitlines(keepends=True),
                }
                for source in cells
            ],
            "metadata": metadata,
            "nbformat": 4,
            "nbformat_minor": 2,
        },
        indent=1,
    )


PY2_KERNEL = {
    "kernelspec": {"name": "python2", "display_name": "Python 2", "language": "python"},
    "language_info": {"name": "python", "version": "2.7.18"},
}
PY3_KERNEL = {
    "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
    "language_info": {"name": "python", "version": "3.11.4"},
}
CELLS = [
    "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']",
    "def owners(headers=None):\n    return requests.get("
    "'https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY, headers=headers)",
]


@pytest.mark.parametrize(
    "metadata",
    [
        PY2_KERNEL,
        {"kernelspec": PY2_KERNEL["kernelspec"]},  # no language_info
        {"language_info": {"name": "python", "version": "2.7.5"}},
    ],
)
def test_a_python2_kernel_notebook_gets_python2_forms(metadata, tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(_notebook(CELLS, metadata))
    result = run.process_file(str(path), OPTIONS)
    assert result.error is None and result.new is not None
    cells = json.loads(result.new)["cells"]
    code = "\n".join("".join(c["source"]) for c in cells)
    assert "{**" not in code and "dict(headers or {}" in code
    _python2_compiles(code + "\n", tmp_path)


def test_a_python3_kernel_notebook_keeps_python3_forms(tmp_path):
    path = tmp_path / "nb.ipynb"
    path.write_text(_notebook(CELLS, PY3_KERNEL))
    result = run.process_file(str(path), OPTIONS)
    code = "\n".join("".join(c["source"]) for c in json.loads(result.new)["cells"])
    assert "{**(headers or {})" in code
    # the kernel of one notebook does not leak into the next module
    assert "{**(headers or {})" in new_text(migrate(PY2_BODY))


# -- R13 -----------------------------------------------------------------------

PROPERTY_CLIENT = """\
import os
import functools
from functools import cached_property
import requests

KEY = os.environ["HUBSPOT_API_KEY"]
URL = "https://api.hubapi.com/crm/v3/owners"


class Client:
    @{decorator}
    def auth(self):
        return {{"hapikey": KEY}}

    @staticmethod
    def defaults():
        return {{"hapikey": KEY, "limit": 2}}

    def owners(self):
        return requests.get(URL, params={{**self.auth, **self.defaults()}})
"""


@pytest.mark.parametrize(
    "decorator", ["property", "cached_property", "functools.cached_property"]
)
def test_a_property_returning_the_key_is_followed_to_its_request(decorator, tmp_path):
    text = new_text(migrate(PROPERTY_CLIENT.format(decorator=decorator)))
    assert text is not None
    assert "hapikey" not in text  # the key left nowhere beside the header
    assert text.count("Authorization") == 1
    # and it runs: the request sends the token, no key
    module = tmp_path / "client_mod.py"
    module.write_text(text)
    sent = _run_owners(module)
    assert sent == [
        ("GET", "https://api.hubapi.com/crm/v3/owners?limit=2", "Bearer tok")
    ]


def _run_owners(module: Path) -> list[tuple[str, str, str]]:
    import importlib.util
    from unittest import mock

    import requests

    calls = []

    def fake(self, method, url, **kw):
        prepared = requests.Request(method, url, **kw).prepare()
        calls.append(
            (method.upper(), prepared.url, prepared.headers.get("Authorization"))
        )
        return requests.Response()

    env = {"HUBSPOT_ACCESS_TOKEN": "tok", "HUBSPOT_API_KEY": "key"}
    with (
        mock.patch.dict(os.environ, env),
        mock.patch.object(requests.Session, "request", fake),
    ):
        spec = importlib.util.spec_from_file_location("client_mod", module)
        loaded = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(loaded)
        loaded.Client().owners()
    return calls


def test_a_property_read_outside_its_class_leaves_the_request_alone():
    source = PROPERTY_CLIENT.format(decorator="property") + (
        "\nclient = Client()\n"
        "def raw():\n    return requests.get(URL, params=client.auth)\n"
    )
    result = migrate(source)
    auth = [s for s in result.sites if s.line == 13][0]
    assert auth.status == Status.MANUAL
    assert "read as client.auth" in auth.reason
    text = new_text(result)
    # whatever else is migrated, the property's key is where it was
    assert text is None or 'return {"hapikey": KEY}' in text


def test_a_property_set_elsewhere_is_not_followed():
    source = PROPERTY_CLIENT.format(decorator="cached_property") + (
        "\n    def reset(self):\n        del self.auth\n"
    )
    result = migrate(source)
    auth = [s for s in result.sites if s.line == 13][0]
    assert auth.status == Status.MANUAL and "set or deleted" in auth.reason


# -- the scope line --------------------------------------------------------------


def test_the_scope_line_says_when_migrated_calls_go_to_unknown_endpoints():
    source = (
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def fetch(path):\n    return requests.get('https://api.hubapi.com' + path,"
        " params={'hapikey': KEY})\n"
    )
    result = migrate(source)
    assert result.new is not None
    built = reporting.build(result.sites, "env")
    line = report_text.scope_summary(built)
    assert "needs no scopes" not in line
    assert "1 migrated call goes to an endpoint hapimigrate does not know" in line


def test_the_scope_line_of_code_needing_no_scopes_says_so():
    source = (
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "requests.post('https://api.hsforms.com/submissions/v3/integration/submit/1/a'"
        " '?hapikey=' + KEY, json={})\n"
    )
    built = reporting.build(migrate(source).sites, "env")
    assert "needs no scopes" in report_text.scope_summary(built)


# -- minor findings ----------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_a_form_feed_line_beside_a_removed_key_stays(newline, encoding):
    """Bytes outside the edits are the file's own: a ``\\f`` line above the
    removed key line is kept; every site is on its own line (a form feed is no
    line end), and none is left over as unrecognised."""
    lines = [
        "# -*- coding: latin-1 -*-",
        "import os",
        "import requests",
        "\x0c",
        "KEY = os.environ['HUBSPOT_API_KEY']  # cl\xe9",
        "NAME = 'caf\xe9'",
        "\x0c  ",
        "def a():",
        "    return requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + KEY)",
    ]
    if encoding == "utf-8":
        lines[0] = "# -*- coding: utf-8 -*-"
    data = newline.join(lines).encode(encoding) + newline.encode()
    result = migrate(data)
    assert result.new is not None
    assert [(s.line, s.status) for s in result.sites] == [(9, Status.REWRITE)]
    expected = newline.join(lines[:4] + lines[5:]).encode(encoding) + newline.encode()
    before, _, after = expected.partition(b"?hapikey=' + KEY")
    assert result.new.startswith(before) and b"hapikey" not in result.new
    assert b"\x0c" + newline.encode() + b"NAME" in result.new
    assert b"\x0c  " + newline.encode() + b"def a" in result.new


TEMPLATED_KEYS = {
    "string.Template": "Template('$b/crm/v3/owners?hapikey=$key&limit=5')"
    ".substitute(b=BASE, key=KEY)",
    "string.Template, braces": "Template('${b}/crm/v3/owners?hapikey=${key}')"
    ".substitute(b=BASE, key=KEY)",
}


@pytest.mark.parametrize("name", sorted(TEMPLATED_KEYS))
def test_a_template_field_is_no_hard_coded_key(name):
    source = (
        "import os\nfrom string import Template\nimport requests\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\nBASE = 'https://api.hubapi.com'\n"
        f"def g():\n    return requests.get({TEMPLATED_KEYS[name]})\n"
    )
    result = migrate(source)
    assert result.sites and not any(s.hardcoded_key for s in result.sites)


def test_a_literal_key_in_a_url_is_still_hard_coded():
    source = (
        "import requests\n"
        "def g():\n    return requests.get('https://api.hubapi.com/crm/v3/owners"
        "?hapikey=5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60')\n"
    )
    assert any(s.hardcoded_key for s in migrate(source).sites)


@pytest.mark.parametrize(
    "text, field",
    [("$key", True), ("${key}", True), ("{key}", True), ("{}", True), ("%s", True)]
    + [("%(key)s", True), ("<api key>", True), (":key", True)]
    + [("5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60", False), ("abc123def456", False)],
)
def test_template_fields(text, field):
    from hapimigrate import keys

    assert keys.is_template_field(text) is field


def _tree(root: Path, files: dict[str, str]) -> dict[str, FileResult]:
    for name, text in files.items():
        (root / name).write_text(textwrap.dedent(text))
    paths = sorted(str(p) for p in root.glob("*.py"))
    return {Path(r.path).name: r for r in run.results(paths, OPTIONS, jobs=1)}


CONFIG = "import os\nKEY = os.environ['HUBSPOT_API_KEY']\n"
OWNERS = "'https://api.hubapi.com/crm/v3/owners'"


@pytest.mark.parametrize(
    "importing",
    [
        "from config import KEY as K\n",
        "from config import (KEY as K)\n",
        "from config import KEY as K, KEY\n",
    ],
)
def test_a_key_imported_under_another_name_is_one_key(importing, tmp_path):
    results = _tree(
        tmp_path,
        {
            "config.py": CONFIG,
            "one.py": f"import requests\n{importing}"
            f"def owners():\n    return requests.get({OWNERS}, params={{'hapikey': K}})\n",
            "two.py": "import requests\nfrom config import KEY\n"
            f"def owners():\n    return requests.get({OWNERS} + '?hapikey=' + KEY)\n",
        },
    )
    for name in ("one.py", "two.py"):
        sites = [s for s in results[name].sites if s.status != Status.KEPT]
        assert [s.status for s in sites] == [Status.REWRITE], sites


def test_two_keys_imported_under_other_names_are_still_two(tmp_path):
    results = _tree(
        tmp_path,
        {
            "config.py": CONFIG + "SANDBOX = os.environ['HUBSPOT_SANDBOX_KEY']\n",
            "one.py": "import requests\nfrom config import KEY as K\n"
            f"def owners():\n    return requests.get({OWNERS}, params={{'hapikey': K}})\n",
            "two.py": "import requests\nfrom config import SANDBOX as K\n"
            f"def owners():\n    return requests.get({OWNERS} + '?hapikey=' + K)\n",
        },
    )
    for name in ("one.py", "two.py"):
        assert any(
            s.status == Status.MANUAL and "several keys" in s.reason
            for s in results[name].sites
        ), results[name].sites


@pytest.mark.parametrize(
    "client, reported",
    [
        ("HubSpot(*[KEY])", "from a sequence"),
        ("HubSpot(*ARGS)", "from a sequence"),
        ("HubSpot(*ARGS, retry=None)", "from a sequence"),
        ("HubSpot(**{'api_key': KEY})", "from a mapping"),
    ],
)
def test_an_sdk_client_given_its_key_through_a_star_is_reported(client, reported):
    source = (
        "import os\nfrom hubspot import HubSpot\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\nARGS = [KEY]\n"
        f"client = {client}\n"
        "def use():\n    return client.crm.contacts.basic_api.get_page()\n"
    )
    result = migrate(source)
    sites = [s for s in result.sites if s.line == 5]
    assert [s.status for s in sites] == [Status.MANUAL]
    assert reported in sites[0].reason
    assert result.new is None or f"client = {client}" in result.new.decode()


def test_an_sdk_client_given_a_token_beside_a_star_is_not_reported():
    source = (
        "import os\nfrom hubspot import HubSpot\nARGS = []\n"
        "client = HubSpot(*ARGS, access_token=os.environ['HUBSPOT_ACCESS_TOKEN'])\n"
    )
    assert not [s for s in migrate(source).sites if s.line == 4]


FORMS = [
    "https://api.hsforms.com/submissions/v3/integration/submit/123/abc",
    "https://forms.hubspot.com/uploads/form/v2/123/abc",
]


@pytest.mark.parametrize("url", FORMS)
@pytest.mark.parametrize("name", ["HUBSPOT_DEVELOPER_API_KEY", "DEV_KEY", "API_KEY"])
def test_a_form_submission_loses_the_key_whatever_its_name(url, name):
    source = (
        f"import os\nimport requests\n{name} = os.environ['{name}']\n"
        f"def submit(data):\n    return requests.post('{url}?hapikey=' + {name}, data=data)\n"
    )
    result = migrate(source)
    [site] = [s for s in result.sites if s.line == 5]
    assert site.status == Status.REWRITE and "form submission" in site.reason
    text = new_text(result)
    assert f"requests.post('{url}', data=data)" in text
    assert "Authorization" not in text


def test_a_developer_named_key_to_webhooks_and_forms_keeps_the_webhooks_one():
    source = (
        "import os\nimport requests\nDEV = os.environ['HUBSPOT_DEVELOPER_API_KEY']\n"
        "def hooks():\n    return requests.get('https://api.hubapi.com/webhooks/v3/1/settings',"
        " params={'hapikey': DEV})\n"
        f"def submit():\n    return requests.post('{FORMS[0]}?hapikey=' + DEV, json={{}})\n"
    )
    result = migrate(source)
    assert {s.line: s.status for s in result.sites} == {
        5: Status.KEPT,
        7: Status.REWRITE,
    }
    text = new_text(result)
    assert "params={'hapikey': DEV}" in text and f"'{FORMS[0]}', json" in text


def test_a_request_reached_by_an_unfollowed_property_read_gets_no_header():
    """``client.auth`` (a property read outside its class) is not followed: its
    key stays, and another use reaching the same request must not give it the
    header beside that key (R13's class)."""
    source = (
        "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "URL = 'https://api.hubapi.com/crm/v3/owners'\n"
        "class Client:\n    @property\n    def auth(self):\n"
        "        return {'hapikey': KEY}\n"
        "def defaults():\n    return {'hapikey': KEY, 'limit': 2}\n"
        "client = Client()\n"
        "def owners():\n    return requests.get(URL, params={**client.auth, **defaults()})\n"
    )
    result = migrate(source)
    assert result.new is None
    assert {s.line: s.status for s in result.sites} == {
        8: Status.MANUAL,
        10: Status.MANUAL,
    }
    [other] = [s for s in result.sites if s.line == 10]
    assert "left for a person" in other.reason


def test_a_big_python2_file_keeps_its_python2_forms_when_sliced(tmp_path):
    """A big module is migrated on its relevant statements only: a Python 2
    sign in a statement left out of the slice still counts."""
    filler = "".join(f"def f{i}(x):\n    return x + {i}\n\n" for i in range(3000))
    source = PY2_BODY + filler + "def known(d):\n    return d.has_key('x')\n"
    text = new_text(migrate(source))
    assert "{**" not in text and "dict(headers or {}" in text
    _python2_compiles(text, tmp_path)
