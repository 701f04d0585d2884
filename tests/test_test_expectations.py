"""A project's own tests that check the key follow the code they test to the
token (issue #12, :mod:`hapimigrate.tree_tests`): rewritten only so that they
pass against the migrated code exactly when they passed against the original.

Each tree here is proven the way a person would: its tests run with pytest
(in a subprocess, ``responses`` and ``requests_mock`` mocking HubSpot) before
the migration, pass; the tree is migrated; they run again against the
migrated code and pass, or stay as they were when that cannot be proven."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from hapimigrate.fixers import test_expectations
from hapimigrate.model import Status
from tests.trees import key_sites, tree

UTILS = """\
    import os

    import requests

    BASE = "https://api.hubapi.com"
    API_KEY = os.getenv("HUBSPOT_API_KEY")


    def get_contact(email):
        url = BASE + "/contacts/v1/contact/email/" + email + "/profile?hapikey=" + API_KEY
        r = requests.get(url)
        if r.status_code == 404:
            return None
        return r.json()


    def update_deal(deal_id, props):
        url = BASE + "/deals/v1/deal/%s?hapikey=%s" % (deal_id, API_KEY)
        return requests.put(url, json={"properties": props}).json()
"""
UTILS_TEST = """\
    import json
    import unittest

    import responses

    import hubspot_utils


    class HubspotUtilsTest(unittest.TestCase):
        def setUp(self):
            hubspot_utils.API_KEY = "demo"

        @responses.activate
        def test_get_contact_sends_key(self):
            responses.add(
                responses.GET,
                "https://api.hubapi.com/contacts/v1/contact/email/a@b.c/profile?hapikey=demo",
                json={"vid": 1},
            )
            self.assertEqual(hubspot_utils.get_contact("a@b.c")["vid"], 1)
            self.assertIn("hapikey=demo", responses.calls[0].request.url)

        @responses.activate
        def test_update_deal(self):
            responses.add(responses.PUT, "https://api.hubapi.com/deals/v1/deal/7?hapikey=demo", json={})
            hubspot_utils.update_deal(7, {"amount": "10"})
            body = json.loads(responses.calls[0].request.body)
            self.assertEqual(body["properties"], {"amount": "10"})
"""

CLIENT = """\
    import requests


    class Owners(object):
        def __init__(self, api_key):
            self.api_key = api_key

        def by_email(self, email):
            params = {"email": email, "hapikey": self.api_key}
            return requests.get("https://api.hubapi.com/owners/v2/owners", params=params).json()
"""
FACADE = """\
    import os

    from crm.client import Owners


    def owners(api_key=None):
        return Owners(api_key or os.environ["HUBSPOT_API_KEY"])
"""
CRM_TEST = """\
    import os
    from unittest import mock

    import requests_mock
    import responses

    from crm.facade import owners


    @responses.activate
    def test_made_up_key():
        responses.add(responses.GET, "https://api.hubapi.com/owners/v2/owners", json=[])
        assert owners(api_key="Test-Key").by_email("o@x.io") == []
        assert "hapikey=Test-Key" in responses.calls[0].request.url


    def test_query_values_are_lower_cased():
        with requests_mock.Mocker() as m:
            m.get("https://api.hubapi.com/owners/v2/owners?hapikey=test-key", json=[1])
            assert owners(api_key="Test-Key").by_email("o@x.io") == [1]
            assert m.last_request.qs["hapikey"] == ["test-key"]
            assert m.last_request.qs["email"] == ["o@x.io"]


    def test_environment_patched():
        with requests_mock.Mocker() as m:
            m.get("https://api.hubapi.com/owners/v2/owners", json=[2])
            with mock.patch.dict(os.environ, {"HUBSPOT_API_KEY": "env-key"}):
                assert owners().by_email("o@x.io") == [2]
            assert m.last_request.qs["hapikey"] == ["env-key"]


    def test_monkeypatched(monkeypatch, requests_mock):
        monkeypatch.setenv("HUBSPOT_API_KEY", "mp-key")
        requests_mock.get("https://api.hubapi.com/owners/v2/owners", json=[3])
        assert owners().by_email("o@x.io") == [3]
        assert "hapikey=mp-key" in requests_mock.last_request.url
"""
CRM = {
    "crm/__init__.py": "",
    "crm/client.py": CLIENT,
    "crm/facade.py": FACADE,
    "tests/__init__.py": "",
    "tests/test_crm.py": CRM_TEST,
}


def pytest(folder: Path, **env: str) -> subprocess.CompletedProcess:
    """The tree's own tests, as its CI runs them, with ``env`` as the only
    HubSpot variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HUBSPOT_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=folder,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def migrate_and_write(folder: Path, files: dict[str, str]) -> dict:
    """The tree migrated together, the migrated files written (as apply does)."""
    results = tree(folder, files)
    for name, result in results.items():
        assert result.error is None, (name, result.error)
        if result.changed:
            (folder / name).write_bytes(result.new)
    return results


def proven(folder: Path, files: dict[str, str]) -> dict:
    """Before: the tests pass with the key. After the migration: they pass
    with the token only (the old variable unset)."""
    folder.mkdir()
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    before = pytest(folder, HUBSPOT_API_KEY="key-main")
    assert before.returncode == 0, before.stdout + before.stderr
    results = migrate_and_write(folder, files)
    after = pytest(folder, HUBSPOT_ACCESS_TOKEN="tok-main")
    assert after.returncode == 0, after.stdout + after.stderr
    return results


def test_a_module_key_set_in_setup_becomes_the_token_for_the_test(tmp_path):
    files = {
        "hubspot_utils.py": UTILS,
        "tests/__init__.py": "",
        "tests/test_utils.py": UTILS_TEST,
    }
    results = proven(tmp_path / "utils", files)
    test = results["tests/test_utils.py"]
    assert [s.status for s in key_sites(test)] == [Status.REWRITE] * 3
    text = test.new.decode()
    assert "hapikey" not in text
    assert '.headers["Authorization"], "Bearer demo")' in text
    # the token's variable set for each test's duration, undone after it
    assert 'mock.patch.dict(os.environ, {"HUBSPOT_ACCESS_TOKEN": "demo"})' in text
    assert "self.addCleanup(_token.stop)" in text
    assert "import os\nfrom unittest import mock\n" in text


def test_made_up_keys_and_patched_variables_become_bearer_tokens(tmp_path):
    results = proven(tmp_path / "crm", CRM)
    test = results["tests/test_crm.py"]
    manual = [s for s in key_sites(test) if s.status != Status.REWRITE]
    assert manual == []
    text = test.new.decode()
    assert "hapikey" not in text
    # the header keeps the key's case; requests_mock lower-cased the query's
    assert text.count('headers["Authorization"] == "Bearer Test-Key"') == 2
    assert '{"HUBSPOT_API_KEY": "env-key", "HUBSPOT_ACCESS_TOKEN": "env-key"}' in text
    assert 'monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "mp-key")' in text
    assert 'm.last_request.qs["email"] == ["o@x.io"]' in text  # the rest stays


def _unchanged(folder: Path, files: dict[str, str], name: str, *words: str) -> None:
    """The test module stays as it was, each key site manual, saying why."""
    results = tree(folder, files)
    test = results[name]
    assert not test.changed
    sites = [s for s in key_sites(test) if s.status == Status.MANUAL]
    assert sites
    reasons = " ".join(s.reason for s in sites)
    for word in words:
        assert word in reasons, (word, reasons)


def only(test: str) -> str:
    """CRM_TEST's imports and its one function named ``test``."""
    parts = textwrap.dedent(CRM_TEST).split("\n\n\n")
    wanted = [p for p in parts[1:] if f"def {test}(" in p]
    assert len(wanted) == 1
    return parts[0] + "\n\n\n" + wanted[0]


def test_a_test_checking_another_key_than_it_gives_stays(tmp_path):
    other = only("test_query_values_are_lower_cased").replace(
        '["test-key"]', '["other-key"]'
    )
    other = other.replace("?hapikey=test-key", "?hapikey=other-key")
    _unchanged(
        tmp_path,
        {**CRM, "tests/test_crm.py": other},
        "tests/test_crm.py",
        "checks another than it gives",
    )


def test_the_code_it_tests_left_for_a_person_keeps_the_test(tmp_path):
    # a hapipy client beside the migrated class: that site stays for a person
    client = textwrap.dedent(CLIENT).replace(
        "import requests\n",
        "import os\n\nimport requests\nfrom hapi.leads import LeadsClient\n",
    )
    client += (
        "\n\ndef leads():\n"
        '    return LeadsClient(api_key=os.environ["HUBSPOT_API_KEY"]).get_leads()\n'
    )
    results = tree(tmp_path, {**CRM, "crm/client.py": client})
    assert results["crm/client.py"].changed  # Owners sends the token now
    _unchanged(
        tmp_path,
        {**CRM, "crm/client.py": client},
        "tests/test_crm.py",
        "the code this test checks keeps a key site for a person (client.py:17)",
    )


def test_a_key_read_once_at_import_is_not_reached_by_a_patched_variable(tmp_path):
    # the original read the variable at import: patching it in the test did not
    # reach the request; the migrated code would read it at request time
    facade = textwrap.dedent(FACADE).replace(
        'def owners(api_key=None):\n    return Owners(api_key or os.environ["HUBSPOT_API_KEY"])',
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\ndef owners(api_key=None):\n'
        "    return Owners(api_key or KEY)",
    )
    assert "KEY = os.environ" in facade
    _unchanged(
        tmp_path,
        {
            **CRM,
            "crm/facade.py": facade,
            "tests/test_crm.py": only("test_environment_patched"),
        },
        "tests/test_crm.py",
        "does not itself give the code it tests the key",
    )


def test_only_mocks_registrations_lose_the_key():
    # ``api.get(...)`` is no mock the test set up: a real request (or anything)
    source = textwrap.dedent("""\
        import unittest

        import responses

        import hubspot_utils


        class T(unittest.TestCase):
            def setUp(self):
                hubspot_utils.API_KEY = "demo"

            def test_live(self):
                api.get("https://api.hubapi.com/x?hapikey=demo")

            @responses.activate
            def test_mocked(self):
                responses.get("https://api.hubapi.com/x?hapikey=demo&a=1")
        """)
    facts = test_expectations.Facts(
        "HUBSPOT_ACCESS_TOKEN", module_keys=frozenset({("hubspot_utils", "API_KEY")})
    )
    outcome = test_expectations.rewrite(source, [(13, 17), (17, 23)], facts)
    assert outcome.rewritten == {(17, 23)}
    assert 'api.get("https://api.hubapi.com/x?hapikey=demo")' in outcome.text
    assert 'responses.get("https://api.hubapi.com/x?a=1")' in outcome.text
    assert dict(outcome.reasons)[(13, 17)] == test_expectations.SHAPE


def test_a_provider_no_test_can_set_leaves_patched_variables(tmp_path):
    files = {
        "hubspot_utils.py": UTILS,
        "tests/__init__.py": "",
        "tests/test_utils.py": UTILS_TEST,
    }
    (tmp_path / "auth.py").write_text("def token():\n    return 'x'\n")
    results = tree(tmp_path, files, spec="auth:token")
    test = results["tests/test_utils.py"]
    assert not test.changed
    reasons = [s.reason for s in key_sites(test)]
    assert reasons and all(
        "not an environment variable a test can set" in r for r in reasons
    )


SETTINGS = """\
    import os
    from dataclasses import dataclass


    @dataclass(frozen=True)
    class Settings:
        api_key: str
        timeout: int = 10


    def from_env():
        return Settings(api_key=os.environ["HUBSPOT_API_KEY"])
"""
API = """\
    import requests


    class HubSpotAPI(object):
        def __init__(self, settings):
            self.settings = settings

        def owners(self):
            params = {"hapikey": self.settings.api_key}
            url = "https://api.hubapi.com/owners/v2/owners"
            return requests.get(url, params=params, timeout=self.settings.timeout).json()
"""
API_TEST = """\
    import requests_mock

    from crm.api import HubSpotAPI
    from crm.config import Settings


    def test_owners_send_the_key():
        with requests_mock.Mocker() as m:
            m.get("https://api.hubapi.com/owners/v2/owners?hapikey=test-key", json=[1])
            assert HubSpotAPI(Settings(api_key="Test-Key")).owners() == [1]
            assert m.last_request.qs["hapikey"] == ["test-key"]
"""


def test_an_object_made_with_a_made_up_key_gives_the_token(tmp_path):
    files = {
        "crm/__init__.py": "",
        "crm/config.py": SETTINGS,
        "crm/api.py": API,
        "crm/app.py": "from crm.api import HubSpotAPI\nfrom crm.config import from_env\n\n\n"
        "def main():\n    return HubSpotAPI(from_env()).owners()\n",
        "tests/__init__.py": "",
        "tests/test_api.py": API_TEST,
    }
    results = proven(tmp_path / "objects", files)
    test = results["tests/test_api.py"]
    assert all(s.status == Status.REWRITE for s in key_sites(test))
    text = test.new.decode()
    assert 'm.get("https://api.hubapi.com/owners/v2/owners", json=[1])' in text
    assert 'm.last_request.headers["Authorization"] == "Bearer Test-Key"' in text


PATCHED_TEST = """\
    import unittest
    from unittest import mock

    import hubspot_utils


    class GetContactTest(unittest.TestCase):
        @mock.patch("hubspot_utils.requests.get")
        def test_url_has_key(self, get):
            get.return_value.status_code = 200
            get.return_value.json.return_value = {"vid": 1}
            with mock.patch.object(hubspot_utils, "API_KEY", "demo"):
                hubspot_utils.get_contact("a@b.com")
            url = get.call_args[0][0]
            self.assertIn("hapikey=demo", url)
            self.assertTrue(url.startswith("https://api.hubapi.com/contacts/v1/"))
"""


def test_a_patched_function_s_call_gives_the_header(tmp_path):
    files = {
        "hubspot_utils.py": UTILS,
        "tests/__init__.py": "",
        "tests/test_patched.py": PATCHED_TEST,
    }
    results = proven(tmp_path / "patched", files)
    text = results["tests/test_patched.py"].new.decode()
    assert (
        'self.assertEqual(get.call_args[1]["headers"]["Authorization"], "Bearer demo")'
        in text
    )
    assert (
        'with mock.patch.object(hubspot_utils, "API_KEY", "demo"), '
        'mock.patch.dict(os.environ, {"HUBSPOT_ACCESS_TOKEN": "demo"}):' in text
    )


def test_a_patched_function_called_without_the_header_keeps_the_test(tmp_path):
    # requests.get also fetches a file from elsewhere: no header there, so the
    # last call's headers are not known to hold the token
    utils = textwrap.dedent(UTILS) + (
        "\n\ndef logo(url):\n    return requests.get(url).content\n"
    )
    _unchanged(
        tmp_path,
        {
            "hubspot_utils.py": utils,
            "tests/__init__.py": "",
            "tests/test_patched.py": PATCHED_TEST,
        },
        "tests/test_patched.py",
    )


def test_a_plain_class_has_no_add_cleanup():
    # the token's variable is patched through self.addCleanup: TestCase only
    source = textwrap.dedent("""\
        import responses

        import hubspot_utils


        class TestContacts{}:
            @responses.activate
            def test_get(self):
                hubspot_utils.API_KEY = "demo"
                responses.get("https://api.hubapi.com/x?hapikey=demo")
        """)
    facts = test_expectations.Facts(
        "HUBSPOT_ACCESS_TOKEN", module_keys=frozenset({("hubspot_utils", "API_KEY")})
    )
    plain = test_expectations.rewrite(source.format(""), [(10, 23)], facts)
    assert plain.text is None
    assert dict(plain.reasons)[(10, 23)] == test_expectations.NO_VALUE
    case = test_expectations.rewrite(
        "import unittest\n" + source.format("(unittest.TestCase)"), [(11, 23)], facts
    )
    assert case.rewritten == {(11, 23)}
    assert "self.addCleanup(_token.stop)" in case.text


def test_a_monkeypatched_module_key_sets_the_token_s_variable_beside_it():
    source = textwrap.dedent("""\
        import hubspot_utils


        def test_get(monkeypatch, requests_mock):
            monkeypatch.setattr(hubspot_utils, "API_KEY", "demo")
            requests_mock.get("https://api.hubapi.com/x?hapikey=demo")
            hubspot_utils.get("/x")
            assert requests_mock.last_request.qs["hapikey"] == ["demo"]
        """)
    facts = test_expectations.Facts(
        "HUBSPOT_ACCESS_TOKEN", module_keys=frozenset({("hubspot_utils", "API_KEY")})
    )
    outcome = test_expectations.rewrite(source, [(6, 23), (8, 47)], facts)
    assert outcome.rewritten == {(6, 23), (8, 47)}
    assert outcome.text == source.replace(
        '"API_KEY", "demo")\n',
        '"API_KEY", "demo")\n    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "demo")\n',
    ).replace("?hapikey=demo", "").replace(
        'qs["hapikey"] == ["demo"]', 'headers["Authorization"] == "Bearer demo"'
    )


def _reads_more(folder: Path, extra: str, words: str) -> None:
    test = only("test_query_values_are_lower_cased")
    test = "import os\nfrom unittest import mock\n" + test.rstrip("\n") + "\n" + extra
    _unchanged(folder, {**CRM, "tests/test_crm.py": test}, "tests/test_crm.py", words)


def test_a_test_counting_the_query_stays(tmp_path):
    """Review 18's T12: what else the test reads of the request changes too."""
    _reads_more(tmp_path, "        assert len(m.last_request.qs) == 2\n", "(qs)")


def test_a_test_asking_for_no_authorization_header_stays(tmp_path):
    extra = '        assert "Authorization" not in m.last_request.headers\n'
    _reads_more(tmp_path, extra, "(headers)")


def test_a_test_emptying_the_environment_stays(tmp_path):
    """Review 18's T11: the token would be read from the emptied environment."""
    extra = (
        "        with mock.patch.dict(os.environ, {}, clear=True):\n"
        "            pass\n"
    )
    _reads_more(tmp_path, extra, "clear=True")


def test_a_local_named_mock_keeps_the_test(tmp_path):
    """Review 18's T23: the setup the rewrite inserts calls ``mock.patch.dict``;
    a local ``mock`` (a MagicMock) would take that call, patching nothing."""
    shadowed = UTILS_TEST.replace(
        '            hubspot_utils.API_KEY = "demo"\n',
        '            mock = MagicMock(name="mailer")\n'
        "            self.mailer = mock\n"
        '            hubspot_utils.API_KEY = "demo"\n',
    ).replace(
        "    import json\n",
        "    import json\n    from unittest.mock import MagicMock\n",
    )
    files = {
        "hubspot_utils.py": UTILS,
        "tests/__init__.py": "",
        "tests/test_utils.py": shadowed,
    }
    _unchanged(tmp_path, files, "tests/test_utils.py")


def test_a_test_asking_for_no_header_by_get_stays(tmp_path):
    """Review 18's T24: any other read of the recorded request keeps the test
    (sorted(qs), headers.get("Authorization"), call_args.kwargs == ...)."""
    extra = '        assert m.last_request.headers.get("Authorization") is None\n'
    _reads_more(tmp_path, extra, "(headers)")


def test_a_test_replacing_the_environment_stays(tmp_path):
    """Review 18's T26: ``mock.patch("os.environ", {})`` replaces the mapping the
    token would be read from."""
    extra = '        with mock.patch("os.environ", {}):\n            pass\n'
    _reads_more(tmp_path, extra, "os.environ")
