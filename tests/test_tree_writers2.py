"""Keys and paths another module changes or decides (a fourth review's F28,
F18, F11, F13): each site is migrated so that the program sends what it sent,
or left as it is for a person with a reason naming the other module.

* a developer-key path reaching a migrated helper through another module's
  constant (``hs_get(paths.WEBHOOK_SUBSCRIPTIONS.format(APP_ID))``), a table
  entry (``hs_get(ROUTES["subs"])``) or a class attribute: the helper keeps
  the key (developer-key APIs refuse a token) (F13);
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import FileResult, RunOptions, Status


def tree(tmp_path: Path, files: dict[str, str]) -> dict[str, FileResult]:
    """Every file migrated together (the tree-wide passes): name -> result."""
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    paths = sorted(str(p) for p in tmp_path.rglob("*.py"))
    options = RunOptions(providers.resolve(None))
    return {
        Path(r.path).relative_to(tmp_path).as_posix(): r
        for r in run.results(paths, options, jobs=1)
    }


def key_sites(result: FileResult):
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


def left_alone(result: FileResult, *words: str) -> None:
    """Nothing written, every key site manual, its reason naming ``words``."""
    assert result.error is None, result.error
    assert not result.changed
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    reasons = " ".join(s.reason for s in sites)
    for word in words:
        assert word in reasons, (word, reasons)


def migrated(result: FileResult) -> str:
    assert result.error is None, result.error
    sites = key_sites(result)
    assert sites and all(s.status == Status.REWRITE for s in sites), [
        (s.status, s.reason) for s in sites
    ]
    return result.new.decode()


# -- F13: a developer-key path the helper's module does not write ---------------

HS = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def hs_get(path, **params):
    params["hapikey"] = KEY
    return requests.get("https://api.hubapi.com" + path, params=params).json()
"""

PATHS = """\
WEBHOOK_SUBSCRIPTIONS = "/webhooks/v1/{}/subscriptions"
OWNERS = "/owners/v2/owners"
ROUTES = {"subs": "/webhooks/v1/{}/subscriptions", "owners": "/owners/v2/owners"}


class Paths:
    SUBS = "/webhooks/v1/{}/subscriptions"
    OWNERS = "/owners/v2/owners"
"""


def hooks(imports: str, call: str) -> str:
    return (
        f"import os\n\n{imports}\nfrom crm.hs import hs_get\n\n"
        'APP_ID = os.environ.get("HUBSPOT_APP_ID", "123")\n\n\n'
        f"def subscriptions():\n    return hs_get({call})\n"
    )


@pytest.mark.parametrize(
    "imports, call",
    [
        ("from crm import paths", "paths.WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
        ("from crm.paths import WEBHOOK_SUBSCRIPTIONS", "WEBHOOK_SUBSCRIPTIONS"),
        ("from crm.paths import WEBHOOK_SUBSCRIPTIONS as W", "W.format(APP_ID)"),
        ("import crm.paths as p", "p.WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
        ("import crm.paths", "crm.paths.WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
        ("from crm.paths import ROUTES", 'ROUTES["subs"].format(APP_ID)'),
        ("from crm import paths", 'paths.ROUTES.get("subs").format(APP_ID)'),
        ("from crm.paths import ROUTES", "ROUTES[os.environ['ROUTE']]"),
        ("from crm.paths import Paths", "Paths.SUBS.format(APP_ID)"),
        ("from crm import paths", "paths.Paths.SUBS.format(APP_ID)"),
        ("from crm.paths import *", "WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
    ],
)
def test_a_developer_key_path_imported_from_another_module_keeps_the_helper(
    tmp_path, imports, call
):
    """A review (F13): hooks.py gave hs_get paths.WEBHOOK_SUBSCRIPTIONS;
    hs_get was migrated and the webhook call sent a token (refused)."""
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": PATHS,
            "crm/hooks.py": hooks(imports, call),
            "crm/owners.py": hooks("from crm import paths", "paths.OWNERS"),
        },
    )
    left_alone(out["crm/hs.py"], "hooks.py:10 uses hs_get for a developer-key API")


def test_a_developer_key_path_imported_then_named_locally(tmp_path):
    hooks_py = (
        "from crm import paths\nfrom crm.hs import hs_get\n\n\n"
        "def subscriptions(app):\n"
        "    path = paths.WEBHOOK_SUBSCRIPTIONS.format(app)\n"
        "    return hs_get(path)\n"
    )
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": PATHS,
            "crm/hooks.py": hooks_py,
        },
    )
    left_alone(out["crm/hs.py"], "hooks.py:7 uses hs_get", "given by name: path")


@pytest.mark.parametrize(
    "imports, call",
    [
        ("from crm import paths", "paths.OWNERS"),
        ("from crm.paths import ROUTES", 'ROUTES["owners"]'),
        ("from crm import paths", 'paths.ROUTES.get("owners")'),
        ("from crm.paths import Paths", "Paths.OWNERS"),
    ],
)
def test_token_paths_of_the_same_modules_still_migrate(tmp_path, imports, call):
    """The owners entry of a table that also holds a webhook path is a token
    API: the helper given only that one is migrated."""
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": PATHS,
            "crm/owners.py": hooks(imports, call),
        },
    )
    assert "Authorization" in migrated(out["crm/hs.py"])


def test_a_path_the_helpers_module_defines_given_by_another_module(tmp_path):
    """hs.py defines the webhook path and the helper; hooks.py, whose own
    text names no developer-key API, imports both."""
    hs = HS + '\n\nSUBSCRIPTIONS = "/webhooks/v1/{}/subscriptions"\n'
    hooks_py = (
        "from crm.hs import SUBSCRIPTIONS, hs_get\n\n\n"
        "def subscriptions(app):\n    return hs_get(SUBSCRIPTIONS.format(app))\n"
    )
    out = tree(
        tmp_path, {"crm/__init__.py": "", "crm/hs.py": hs, "crm/hooks.py": hooks_py}
    )
    left_alone(out["crm/hs.py"], "hooks.py:5 uses hs_get", "SUBSCRIPTIONS")


ONE = """\
import os

import requests
{imports}
KEY = os.environ["HUBSPOT_API_KEY"]
APP_ID = os.environ.get("HUBSPOT_APP_ID", "123")
ROUTES = {{"subs": "/webhooks/v1/{{}}/subscriptions", "owners": "/owners/v2/owners"}}


class Paths:
    SUBS = "/webhooks/v1/{{}}/subscriptions"


def hs_get(path, **params):
    params["hapikey"] = KEY
    return requests.get("https://api.hubapi.com" + path, params=params).json()


def subscriptions():
    return hs_get({call})


def owners():
    return hs_get(ROUTES["owners"])
"""


@pytest.mark.parametrize(
    "imports, call",
    [
        ("", 'ROUTES["subs"].format(APP_ID)'),
        ("", 'ROUTES.get("subs").format(APP_ID)'),
        ("", "Paths.SUBS.format(APP_ID)"),
        ("from paths import WEBHOOK_SUBSCRIPTIONS", "WEBHOOK_SUBSCRIPTIONS"),
        ("import paths", "paths.ROUTES['subs']"),
    ],
)
def test_a_developer_key_path_in_a_table_of_the_helpers_module(tmp_path, imports, call):
    """A review (F13, one module): ``hs_get(ROUTES["subs"].format(APP_ID))``;
    the module's fixers read no table entry, class attribute or imported
    path, and the webhook call got a token."""
    one = ONE.format(imports=imports, call=call)
    out = tree(tmp_path, {"one.py": one, "paths.py": PATHS})
    left_alone(out["one.py"], "one.py:20 uses", "developer-key API")


def test_a_table_of_token_paths_in_the_helpers_module_still_migrates(tmp_path):
    one = ONE.format(imports="", call='ROUTES["owners"]')
    out = tree(tmp_path, {"one.py": one})
    assert "Authorization" in migrated(out["one.py"])
