"""The tree-wide pass: a rewrite that depends on what other modules of the tree do
with a name is left for a person when they do it (or kept when they only import
it or call it without arguments)."""

from __future__ import annotations

from tests.conftest import invoke

CLIENT = (
    "import requests\n\n"
    "class Client:\n"
    "    def __init__(self, api_key):\n        self.api_key = api_key\n\n"
    "    def owners(self):\n"
    "        return requests.get('https://api.hubapi.com/owners/v2/owners',"
    " params={'hapikey': self.api_key})\n"
)
SESSION = (
    "import os\nimport requests\n\n"
    "session = requests.Session()\n"
    "session.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n\n"
    "def owners():\n"
    "    return session.get('https://api.hubapi.com/owners/v2/owners')\n"
)


def _apply(tmp_path, files: dict[str, str]):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    result = invoke("apply", "-j", "1", str(tmp_path))
    return result, {name: (tmp_path / name).read_text() for name in files}


def test_a_client_built_with_a_configured_key_elsewhere_is_given_the_token(tmp_path):
    user = "import os\nfrom client import Client\nc = Client(os.environ['KEY'])\n"
    result, after = _apply(tmp_path, {"client.py": CLIENT, "use.py": user})
    assert result.exit_code == 0, result.output
    assert '"Bearer " + self.api_key' in after["client.py"]
    assert after["use.py"].endswith('c = Client(os.environ["HUBSPOT_ACCESS_TOKEN"])\n')


def test_a_client_built_with_a_key_that_cannot_be_placed_is_left(tmp_path):
    user = (
        "import os\nfrom client import Client\n"
        "KEYS = {'a': os.environ['A_KEY'], 'b': os.environ['B_KEY']}\n"
        "def make(portal):\n    return Client(KEYS[portal])\n"
    )
    result, after = _apply(tmp_path, {"client.py": CLIENT, "use.py": user})
    assert result.exit_code == 1
    assert "cannot place" in result.output
    assert after == {"client.py": CLIENT, "use.py": user}


def test_a_client_only_imported_elsewhere_is_migrated(tmp_path):
    user = "from client import Client\n\ndef make(token):\n    return token\n"
    result, after = _apply(tmp_path, {"client.py": CLIENT, "use.py": user})
    assert result.exit_code == 0
    assert '"Bearer " + self.api_key' in after["client.py"]


def test_a_session_whose_headers_another_module_replaces_is_left(tmp_path):
    user = "from http_session import session\nsession.headers = {'Accept': 'json'}\n"
    result, after = _apply(tmp_path, {"http_session.py": SESSION, "use.py": user})
    assert result.exit_code == 1
    assert "replace its headers" in result.output
    assert after["http_session.py"] == SESSION


def test_a_session_other_modules_only_use_is_migrated(tmp_path):
    user = "from http_session import session\nsession.get('https://api.hubapi.com/x')\n"
    result, after = _apply(tmp_path, {"http_session.py": SESSION, "use.py": user})
    assert result.exit_code == 0
    assert 'session.headers["Authorization"]' in after["http_session.py"]


def test_two_keys_in_two_modules_are_not_one_token(tmp_path):
    files = {
        "settings.py": "import os\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "SANDBOX_KEY = os.environ['HUBSPOT_SANDBOX_API_KEY']\n",
        "export.py": "import requests, settings\n"
        "def owners():\n    return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': settings.KEY})\n",
        "seed.py": "import requests, settings\n"
        "def create(o):\n    return requests.post('https://api.hubapi.com/owners/v2/owners',"
        " json=o, params={'hapikey': settings.SANDBOX_KEY})\n",
    }
    result, after = _apply(tmp_path, files)
    assert result.exit_code == 1 and "several keys" in result.output
    assert after == files


def test_a_session_other_modules_send_elsewhere_is_left(tmp_path):
    user = (
        "from http_session import session\nsession.head('https://logo.example.com/x')\n"
    )
    result, after = _apply(tmp_path, {"http_session.py": SESSION, "use.py": user})
    assert result.exit_code == 1
    assert after["http_session.py"] == SESSION


def test_a_client_re_exported_by_its_package_counts_its_callers(tmp_path):
    (tmp_path / "crm").mkdir()
    files = {
        "crm/hub.py": CLIENT,
        "crm/__init__.py": "from .hub import Client\n",
        "main.py": "import os\nfrom crm import Client\nClient(os.environ['HUBSPOT_API_KEY'])\n",
    }
    result, after = _apply(tmp_path, files)
    assert result.exit_code == 0, result.output
    assert '"Bearer " + self.api_key' in after["crm/hub.py"]
    assert 'Client(os.environ["HUBSPOT_ACCESS_TOKEN"])' in after["main.py"]
    files["main.py"] = (
        "import os\nfrom crm import Client\n"
        "KEYS = {'a': os.environ['A_KEY']}\ndef make(p):\n    return Client(KEYS[p])\n"
    )
    result, after = _apply(tmp_path, files)
    assert result.exit_code == 1 and after["crm/hub.py"] == CLIENT


def test_a_key_another_module_tests_keeps_its_uses_for_a_person(tmp_path):
    files = {
        "settings.py": "import os\nHUBSPOT_API_KEY = os.environ.get('HUBSPOT_API_KEY')\n"
        "HUBSPOT_ENABLED = bool(HUBSPOT_API_KEY)\n",
        "tasks.py": "import requests\nimport settings\n\ndef push():\n"
        "    if not settings.HUBSPOT_ENABLED:\n        return None\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/objects/contacts',"
        " params={'hapikey': settings.HUBSPOT_API_KEY})\n",
    }
    result, after = _apply(tmp_path, files)
    assert result.exit_code == 1 and "settings.py:3 tests the old key" in result.output
    assert after == files
