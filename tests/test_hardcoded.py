"""Hard-coded keys: flagged wherever the literal sits (constants, defaults,
attributes, class attributes, environment fallbacks, dict values, call arguments),
never for empty strings and placeholders; named, by location only, in the summary
of ``diff`` and ``apply``."""

from __future__ import annotations

import json

import pytest

from hapimigrate import keys
from hapimigrate.model import Kind
from tests.conftest import invoke, migrate

KEY = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"
URL = "https://api.hubapi.com/owners/v2/owners"
GET = f'requests.get("{URL}?hapikey=" + {{}})'  # the key expression goes in {}


def _module(*lines: str) -> str:
    return "import os\nimport requests\n" + "\n".join(lines) + "\n"


SOURCES = [
    # (id, source, flagged)
    ("module constant", _module(f'API_KEY = "{KEY}"', GET.format("API_KEY")), True),
    ("literal in params", _module(f'requests.get("{URL}", params={{"hapikey": "{KEY}"}})'), True),
    ("default argument", _module(f'def get(api_key="{KEY}"):', "    return " + GET.format("api_key")), True),
    ("argument of a call in the module", _module("def get(api_key):", "    return " + GET.format("api_key"), f'get("{KEY}")'), True),
    ("attribute assignment", _module("class Client:", "    def __init__(self):", f'        self.api_key = "{KEY}"',
                                     "    def get(self):", "        return " + GET.format("self.api_key")), True),
    ("attribute from a default", _module("class Client:", f'    def __init__(self, api_key="{KEY}"):', "        self.api_key = api_key",
                                         "    def get(self):", "        return " + GET.format("self.api_key")), True),
    ("attribute of an instance", _module("class Client:", "    pass", "client = Client()", f'client.api_key = "{KEY}"',
                                         GET.format("client.api_key")), True),
    ("class attribute, self", _module("class Client:", f'    API_KEY = "{KEY}"', "    def get(self):",
                                      "        return " + GET.format("self.API_KEY")), True),
    ("class attribute, cls", _module("class Client:", f'    API_KEY = "{KEY}"', "    @classmethod", "    def get(cls):",
                                     "        return " + GET.format("cls.API_KEY")), True),
    ("class attribute, class name", _module("class Client:", f'    API_KEY = "{KEY}"', GET.format("Client.API_KEY")), True),
    ("class attribute of a base", _module("class Base:", f'    API_KEY = "{KEY}"', "class Client(Base):", "    def get(self):",
                                          "        return " + GET.format("self.API_KEY")), True),
    ("os.environ.get fallback", _module(f'API_KEY = os.environ.get("HUBSPOT_API_KEY", "{KEY}")', GET.format("API_KEY")), True),
    ("os.getenv fallback", _module(f'API_KEY = os.getenv("HUBSPOT_API_KEY", "{KEY}")', GET.format("API_KEY")), True),
    ("os.getenv default=", _module(f'API_KEY = os.getenv("HUBSPOT_API_KEY", default="{KEY}")', GET.format("API_KEY")), True),
    ("fallback inline", _module(GET.format(f'os.environ.get("HUBSPOT_API_KEY", "{KEY}")')), True),
    ("or fallback", _module(f'API_KEY = os.environ.get("HUBSPOT_API_KEY") or "{KEY}"', GET.format("API_KEY")), True),
    ("fallback reassigned", _module('API_KEY = os.environ.get("HUBSPOT_API_KEY")', "if not API_KEY:",
                                    f'    API_KEY = "{KEY}"', GET.format("API_KEY")), True),
    ("dict value", _module(f'CONFIG = {{"hubspot_key": "{KEY}"}}', GET.format('CONFIG["hubspot_key"]')), True),
    ("dict value, get", _module(f'CONFIG = {{"hubspot_key": "{KEY}"}}', GET.format('CONFIG.get("hubspot_key")')), True),
    ("dict() value", _module(f'CONFIG = dict(hubspot_key="{KEY}")', GET.format('CONFIG["hubspot_key"]')), True),
    ("dict in a class attribute", _module("class Client:", f'    CONFIG = {{"hubspot_key": "{KEY}"}}', "    def get(self):",
                                          "        return " + GET.format('self.CONFIG["hubspot_key"]')), True),
    ("helper returning it", _module("def api_key():", f'    return "{KEY}"', GET.format("api_key()")), True),
    ("tuple unpacking", _module(f'API_KEY, PORTAL = "{KEY}", 62515', GET.format("API_KEY")), True),
    ("any key-like literal", _module('API_KEY = "pat-legacy-secret-9f8e"', GET.format("API_KEY")), True),
    ("sdk client", f'from hubspot import HubSpot\napi = HubSpot(api_key="{KEY}")\n', True),
    # not hard-coded: from the environment, or only an empty string or a placeholder
    ("from the environment", _module('API_KEY = os.environ["HUBSPOT_API_KEY"]', GET.format("API_KEY")), False),
    ("parameter without a literal", _module("def get(api_key):", "    return " + GET.format("api_key")), False),
    ("empty fallback", _module('API_KEY = os.environ.get("HUBSPOT_API_KEY", "")', GET.format("API_KEY")), False),
    ("empty default", _module('def get(api_key=""):', "    return " + GET.format("api_key")), False),
    ("empty attribute", _module("class Client:", "    def __init__(self):", '        self.api_key = ""',
                                "    def get(self):", "        return " + GET.format("self.api_key")), False),
    ("placeholder fallback", _module('API_KEY = os.getenv("HUBSPOT_API_KEY", "YOUR_API_KEY")', GET.format("API_KEY")), False),
    ("placeholder class attribute", _module("class Client:", '    API_KEY = "your-api-key"', "    def get(self):",
                                            "        return " + GET.format("self.API_KEY")), False),
    ("placeholder dict value", _module('CONFIG = {"hubspot_key": "<api key>"}', GET.format('CONFIG["hubspot_key"]')), False),
    ("placeholder default", _module('def get(api_key="changeme"):', "    return " + GET.format("api_key")), False),
    ("placeholder in params", _module(f'requests.get("{URL}", params={{"hapikey": "demo"}})'), False),
    ("placeholder sdk client", 'from hubspot import HubSpot\napi = HubSpot(api_key="XXXX-XXXX")\n', False),
    ("placeholder with digits", _module('API_KEY = "YOUR_KEY_123"', GET.format("API_KEY")), False),
    ("zero uuid", _module('API_KEY = "00000000-0000-0000-0000-000000000000"', GET.format("API_KEY")), False),
]  # fmt: skip


@pytest.mark.parametrize(
    "source, flagged", [s[1:] for s in SOURCES], ids=[s[0] for s in SOURCES]
)
def test_hardcoded_key_is_flagged_wherever_the_literal_sits(source, flagged):
    result = migrate(source)
    assert result.error is None, result.error
    assert result.sites, "no site found"
    uses = [
        s for s in result.sites if s.kind != Kind.GUARD
    ]  # a test of the key is no use
    assert uses and [s.hardcoded_key for s in uses] == [flagged] * len(uses)


PLACEHOLDERS = ["", "   ", "YOUR_API_KEY", "your-api-key", "xxx", "XXXX-XXXX", "<api key>",
                "changeme", "demo", "test", "None", "TODO", "${HUBSPOT_API_KEY}",
                "{{ hubspot_key }}", "%(key)s", "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
                "00000000-0000-0000-0000-000000000000", "test1234", "demo-key-1",
                "replace-me-123", "12345678", "abcdefgh", "a1a1a1a1", "key123", "fake_key_9"]  # fmt: skip
KEYS = [KEY, KEY.upper(), "f00dcafe-1234-5678-9abc-def012345678", "pat-legacy-secret-9f8e",
        "pat-na1-0b4f2c3d-1e5a-4b6c-8d7e-9f0a1b2c3d4e", "k3y9f8e7d6c5", "1234abcd5678"]  # fmt: skip


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_empty_strings_and_placeholders_are_not_keys(text):
    assert not keys.is_plausible_key(text)


@pytest.mark.parametrize("text", KEYS)
def test_uuids_and_key_like_literals_are_keys(text):
    assert keys.is_plausible_key(text)


@pytest.mark.parametrize(
    "line, flagged",
    [
        (f"fetch('{URL}?hapikey={KEY}');", True),
        ("fetch('https://api.hubapi.com/x?hapikey=YOUR-API-KEY-1');", False),
        ("fetch('https://api.hubapi.com/x?hapikey=xxxx-1234');", False),
        ("fetch('https://api.hubapi.com/x?hapikey=demo');", False),
        ("fetch('https://api.hubapi.com/x?hapikey=' + key);", False),
    ],
)
def test_the_text_scanner_uses_the_same_rule(tmp_path, line, flagged):
    (tmp_path / "web.js").write_text(line + "\n")
    result = invoke("check", "--format", "json", "web.js", cwd=tmp_path)
    [site] = json.loads(result.stdout)["sites"]
    assert site["hardcoded_key"] is flagged


# -- the summary line of diff and apply ---------------------------------------

SETTINGS = _module(f'API_KEY = "{KEY}"', GET.format("API_KEY"))  # site on line 4
CLIENT = _module(
    "class Client:",
    f'    API_KEY = "{KEY}"',
    "    def get(self):",
    "        return " + GET.format("self.API_KEY"),  # line 6
)
CLEAN = _module('API_KEY = os.environ["HUBSPOT_API_KEY"]', GET.format("API_KEY"))
EXPECTED = (
    "hapimigrate: 2 hard-coded keys: revoke them (app/client.py:6, app/settings.py:4)"
)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "settings.py").write_text(SETTINGS)
    (tmp_path / "app" / "client.py").write_text(CLIENT)
    (tmp_path / "app" / "env.py").write_text(CLEAN)
    return tmp_path


@pytest.mark.parametrize("command", ["diff", "apply"])
def test_diff_and_apply_name_hard_coded_keys_by_location(tree, command):
    result = invoke(command, "app", cwd=tree)
    lines = result.stderr.splitlines()
    assert EXPECTED in lines
    # before the counts line, which stays second to last (the scopes are last)
    assert lines.index(EXPECTED) == len(lines) - 3
    assert KEY not in result.stderr


def test_apply_still_names_a_key_whose_definition_it_removed(tree):
    result = invoke("apply", "app/settings.py", cwd=tree)
    assert KEY not in (tree / "app" / "settings.py").read_text()  # dead: removed
    assert (
        "hapimigrate: 1 hard-coded key: revoke it (app/settings.py:4)"
        in result.stderr.splitlines()
    )


def test_quiet_suppresses_the_hard_coded_keys_line(tree):
    result = invoke("diff", "-q", "app", cwd=tree)
    assert result.stderr == ""


def test_no_line_without_hard_coded_keys(tree):
    result = invoke("diff", "app/env.py", cwd=tree)
    assert "hard-coded" not in result.stderr
    assert result.stderr.startswith("hapimigrate: 1 file would change")


def test_the_line_names_ten_locations_and_counts_the_rest(tmp_path):
    for number in range(12):
        (tmp_path / f"m{number:02}.py").write_text(SETTINGS)
    result = invoke("diff", ".", cwd=tmp_path)
    [line] = [line for line in result.stderr.splitlines() if "hard-coded" in line]
    assert line.startswith("hapimigrate: 12 hard-coded keys: revoke them (m00.py:4, ")
    assert line.endswith("m09.py:4, and 2 more: see hapimigrate report)")
