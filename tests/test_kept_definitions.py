"""Key definitions that would stay required after the migration (a seventh
review's W7, W10, W17): the old variable must not stay needed unsaid.

- ``self.key = os.environ[...]`` in ``__init__`` (or a class attribute read as
  ``self.key``) whose only read became the token goes, so the class builds without
  the old variable; read by anything else (here, a subclass, another module,
  ``getattr``), it stays and is a ``manual setting`` naming the reader.
- A module-level key kept for ``__all__`` or another module's reader is a
  ``manual setting`` naming it (apply exits 1), as a settings module's is.
- A pydantic ``BaseSettings`` field the migrated modules stopped reading stays
  required: reported; and a key read through a library that reads ``.env``
  without filling ``os.environ`` (pydantic's env_file, python-decouple) is
  reported when the token is read from ``os.environ``.

The migrated classes are run with the old variable removed and the token set.
"""

from __future__ import annotations

import sys
import types

import pytest

from click.testing import CliRunner

from hapimigrate.cli import main
from hapimigrate.model import Kind, Status
from tests.conftest import migrate

OWNERS = "https://api.hubapi.com/owners/v2/owners"
TOKEN_ONLY = {"HUBSPOT_ACCESS_TOKEN": "tok-main"}  # the old variable is gone


class Recorder:
    """A stand-in for ``requests``: records what each request sends."""

    def __init__(self) -> None:
        self.sent: list[dict] = []

    def get(self, url, params=None, headers=None, **rest):
        self.sent.append(
            {"url": url, "params": dict(params or {}), "headers": dict(headers or {})}
        )
        return types.SimpleNamespace(json=lambda: {})


def run_without_old_key(source: str, calls: str, monkeypatch) -> list[dict]:
    """Run ``source`` then ``calls`` with the old variable deleted, the token set."""
    recorder = Recorder()
    fake = types.ModuleType("requests")
    fake.get = recorder.get
    monkeypatch.setitem(sys.modules, "requests", fake)
    monkeypatch.delenv("HUBSPOT_API_KEY", raising=False)
    for name, value in TOKEN_ONLY.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {}
    exec(compile(source + "\n" + calls, "<migrated>", "exec"), namespace)
    return recorder.sent


def settings_sites(result) -> list:
    return [s for s in result.sites if s.kind == Kind.SETTING]


INIT_KEY = f"""import os
import requests


class Client:
    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]

    def owners(self):
        return requests.get("{OWNERS}", params={{"hapikey": self.key}})
"""


def test_an_init_key_nothing_else_reads_goes(monkeypatch):
    result = migrate(INIT_KEY)
    assert all(s.status == Status.REWRITE for s in result.sites), result.sites
    new = result.new.decode()
    assert "HUBSPOT_API_KEY" not in new
    sent = run_without_old_key(new, "Client().owners()", monkeypatch)
    assert sent == [
        {"url": OWNERS, "params": {}, "headers": {"Authorization": "Bearer tok-main"}}
    ]


def test_a_class_attribute_key_read_through_self_goes(monkeypatch):
    source = """import os
import requests


class Client:
    key = os.environ.get("HUBSPOT_API_KEY")
    base = "https://api.hubapi.com"

    def owners(self):
        return requests.get(self.base + "/owners/v2/owners?hapikey=" + self.key)
"""
    result = migrate(source)
    new = result.new.decode()
    assert "HUBSPOT_API_KEY" not in new and "key =" not in new
    assert not settings_sites(result)
    sent = run_without_old_key(new, "Client().owners()", monkeypatch)
    assert sent[0]["url"] == OWNERS
    assert sent[0]["headers"] == {"Authorization": "Bearer tok-main"}


def test_the_imports_only_the_definition_used_go_too():
    source = INIT_KEY.replace("import os\n", "import os\nfrom os import environ\n")
    source = source.replace(
        'os.environ["HUBSPOT_API_KEY"]', 'environ["HUBSPOT_API_KEY"]'
    )
    new = migrate(source).new.decode()
    assert "from os import environ" not in new
    assert "self.key" not in new


def _kept(source: str, reader: str):
    """The definition stays, reported as a manual setting naming ``reader``."""
    result = migrate(source)
    assert 'self.key = os.environ["HUBSPOT_API_KEY"]' in result.new.decode()
    [site] = settings_sites(result)
    assert site.status == Status.MANUAL and site.line == 7
    assert f"self.key is still read by {reader}" in site.reason
    assert "the old variable stays required" in site.reason
    return site


def test_an_init_key_read_elsewhere_in_the_class_stays_and_is_reported():
    source = INIT_KEY + "\n    def masked(self):\n        return self.key[:4]\n"
    _kept(source, "Client.masked() in example.py")


def test_an_init_key_a_subclass_reads_stays_and_is_reported():
    source = (
        INIT_KEY
        + "\n\nclass Audited(Client):\n    def log(self):\n        print(len(self.key))\n"
    )
    _kept(source, "Audited.log() in example.py")


def test_an_init_key_read_by_name_stays_and_is_reported():
    source = INIT_KEY + '\n\ndef configured(c):\n    return getattr(c, "key", None)\n'
    _kept(source, "configured() in example.py")


def test_an_init_key_computed_by_a_call_stays_and_is_reported():
    source = INIT_KEY.replace(
        'os.environ["HUBSPOT_API_KEY"]', 'vault.read("hubspot")'
    ).replace("import requests\n", "import requests\nimport vault\n")
    result = migrate(source)
    assert 'self.key = vault.read("hubspot")' in result.new.decode()
    [site] = settings_sites(result)
    assert site.status == Status.MANUAL
    assert "may do more than read the environment" in site.reason


def test_an_init_key_another_module_reads_stays_and_is_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "client.py").write_text(INIT_KEY)
    (tmp_path / "health.py").write_text(
        "from client import Client\n\n\ndef ok(d):\n    for key in d:\n        pass\n    return bool(Client().key)\n"
    )
    result = CliRunner().invoke(main, ["apply", "."])
    assert result.exit_code == 1, result.output
    assert (
        "client.py:7:9: manual setting: self.key is still read by health.py:7"
        in result.output
    )
    assert (
        'self.key = os.environ["HUBSPOT_API_KEY"]'
        in (tmp_path / "client.py").read_text()
    )


def test_an_init_key_no_other_module_reads_goes_in_a_tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "client.py").write_text(INIT_KEY)
    (tmp_path / "main.py").write_text(
        "from client import Client\n\n\ndef run():\n    return Client().owners()\n"
    )
    result = CliRunner().invoke(main, ["apply", "."])
    assert result.exit_code == 0, result.output
    assert "HUBSPOT_API_KEY" not in (tmp_path / "client.py").read_text()


HUB = f"""import os
import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]


def owners():
    return requests.get("{OWNERS}", params={{"hapikey": API_KEY}})
"""


def _apply_package(tmp_path, monkeypatch, files: dict[str, str]):
    monkeypatch.chdir(tmp_path)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, text in files.items():
        (package / name).write_text(text)
    return CliRunner().invoke(main, ["apply", "."])


def test_a_key_listed_in_all_is_reported(tmp_path, monkeypatch):
    result = _apply_package(
        tmp_path,
        monkeypatch,
        {
            "hub.py": HUB.replace(
                "\nAPI_KEY", '\n__all__ = ["API_KEY", "owners"]\nAPI_KEY'
            ),
            "main.py": "from pkg.hub import *\n\n\ndef run():\n    return owners()\n",
        },
    )
    assert result.exit_code == 1, result.output
    assert "hub.py:5:1: manual setting: API_KEY is listed in __all__" in result.output
    assert "the old variable stays required" in result.output


def test_a_key_another_module_checks_by_getattr_is_reported(tmp_path, monkeypatch):
    health = 'import pkg.hub as hub\n\n\ndef configured():\n    return bool(getattr(hub, "API_KEY", None))\n'
    result = _apply_package(tmp_path, monkeypatch, {"hub.py": HUB, "health.py": health})
    assert result.exit_code == 1, result.output
    assert (
        "hub.py:4:1: manual setting: API_KEY is still read by health.py:5"
        in result.output
    )
    assert (
        'API_KEY = os.environ["HUBSPOT_API_KEY"]'
        in (tmp_path / "pkg" / "hub.py").read_text()
    )


def test_a_key_another_module_asserts_is_reported(tmp_path, monkeypatch):
    # its value, not only its presence: a presence test moves to the token
    # (tests/test_token_checks.py)
    main_py = "from pkg.hub import API_KEY, owners\n\n\ndef run():\n    assert API_KEY.startswith('pat-')\n    return owners()\n"
    result = _apply_package(tmp_path, monkeypatch, {"hub.py": HUB, "main.py": main_py})
    assert result.exit_code == 1, result.output
    assert "API_KEY is still read by main.py:5" in result.output


PYDANTIC = """from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    hubspot_api_key: str
    slack_webhook: str = ""

    class Config:
        env_file = ".env"


settings = Settings()
"""
CRM = f"""import requests
from app.config import settings


def owners():
    return requests.get("{OWNERS}", params={{"hapikey": settings.hubspot_api_key}})
"""


def _apply_app(tmp_path, monkeypatch, files: dict[str, str], *options: str):
    monkeypatch.chdir(tmp_path)
    app = tmp_path / "app"
    app.mkdir()
    (app / "__init__.py").write_text("")
    for name, text in files.items():
        (app / name).write_text(text)
    return CliRunner().invoke(main, ["apply", ".", *options])


def test_a_required_pydantic_field_is_reported(tmp_path, monkeypatch):
    result = _apply_app(tmp_path, monkeypatch, {"config.py": PYDANTIC, "crm.py": CRM})
    assert result.exit_code == 1, result.output
    assert (
        "config.py:5:5: manual setting: nothing in the tree reads hubspot_api_key any "
        "more, but it is a field of Settings without a default" in result.output
    )
    # the token is read from os.environ, which pydantic does not fill from .env
    assert "read through pydantic's env_file" in result.output
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in result.output
    assert "hapikey" not in (tmp_path / "app" / "crm.py").read_text()
    assert (tmp_path / "app" / "config.py").read_text() == PYDANTIC


def test_a_pydantic_field_with_a_default_and_no_env_file_passes(tmp_path, monkeypatch):
    config = PYDANTIC.replace("hubspot_api_key: str\n", 'hubspot_api_key: str = ""\n')
    config = config.replace('\n    class Config:\n        env_file = ".env"\n', "")
    result = _apply_app(tmp_path, monkeypatch, {"config.py": config, "crm.py": CRM})
    assert result.exit_code == 0, result.output


DECOUPLE = f"""import requests
from decouple import config

HUBSPOT_API_KEY = config("HUBSPOT_API_KEY")


def owners():
    return requests.get("{OWNERS}", params={{"hapikey": HUBSPOT_API_KEY}})
"""


def test_a_key_read_with_decouple_says_where_the_token_must_be():
    result = migrate(DECOUPLE)
    [site] = settings_sites(result)
    assert site.status == Status.MANUAL and site.line == 4
    assert "python-decouple's config()" in site.reason
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in site.reason
    assert "a line in .env is not seen" in site.reason
    # a plain read: the definition goes, with its import
    assert "HUBSPOT_API_KEY" not in result.new.decode()
    assert "decouple" not in result.new.decode()


def test_a_provider_that_does_not_read_the_environment_needs_no_note(tmp_path):
    (tmp_path / "tokens.py").write_text("def token():\n    return 't'\n")
    result = migrate(DECOUPLE, spec="tokens:token")
    assert not [s for s in settings_sites(result) if "decouple" in s.reason]


def test_a_required_pydantic_field_declared_with_field_is_reported(
    tmp_path, monkeypatch
):
    config = PYDANTIC.replace(
        "hubspot_api_key: str\n",
        'hubspot_api_key: str = Field(..., env="HUBSPOT_API_KEY")\n',
    ).replace(
        "import BaseSettings\n", "import BaseSettings\nfrom pydantic import Field\n"
    )
    config = config.replace('\n    class Config:\n        env_file = ".env"\n', "")
    result = _apply_app(tmp_path, monkeypatch, {"config.py": config, "crm.py": CRM})
    assert result.exit_code == 1, result.output
    assert "it is a field of Settings without a default" in result.output
    assert "env_file" not in result.output  # no .env: the token's variable is seen


def test_a_plain_config_class_attribute_read_at_import_is_reported(
    tmp_path, monkeypatch
):
    config = (
        "import os\n\n\nclass Config:\n"
        '    HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\n\n\nsettings = Config()\n'
    )
    crm = CRM.replace("settings.hubspot_api_key", "settings.HUBSPOT_API_KEY")
    result = _apply_app(tmp_path, monkeypatch, {"config.py": config, "crm.py": crm})
    assert result.exit_code == 1, result.output
    assert (
        "config.py:5:5: manual setting: nothing in the tree reads HUBSPOT_API_KEY any "
        "more, but it stays a field of Config" in result.output
    )


def test_a_dataclass_field_key_is_not_removed():
    source = f"""import os
import requests
from dataclasses import dataclass


@dataclass
class Client:
    key: str = os.environ["HUBSPOT_API_KEY"]

    def owners(self):
        return requests.get("{OWNERS}", params={{"hapikey": self.key}})
"""
    result = migrate(source)
    # a field is a constructor parameter: never removed (here, the site is manual)
    assert result.new is None or "key: str" in result.new.decode()


def test_a_key_a_star_importer_reads_is_reported(tmp_path, monkeypatch):
    main_py = "from pkg.hub import *\n\n\ndef run():\n    print(len(API_KEY))\n    return owners()\n"
    result = _apply_package(tmp_path, monkeypatch, {"hub.py": HUB, "main.py": main_py})
    assert result.exit_code == 1, result.output
    assert (
        "hub.py:4:1: manual setting: API_KEY is still read by main.py:5"
        in result.output
    )


def test_a_key_a_star_importer_does_not_read_goes(tmp_path, monkeypatch):
    main_py = "from pkg.hub import *\n\n\ndef run():\n    return owners()\n"
    result = _apply_package(tmp_path, monkeypatch, {"hub.py": HUB, "main.py": main_py})
    assert result.exit_code == 0, result.output
    assert "HUBSPOT_API_KEY" not in (tmp_path / "pkg" / "hub.py").read_text()


def test_a_function_local_key_read_goes_with_its_only_use(monkeypatch):
    """A review: key = os.environ["HUBSPOT_API_KEY"] inside the function, its
    only use migrated: the read stayed and raised KeyError once the old
    variable was gone."""
    import sys
    import types

    from tests.conftest import migrate

    result = migrate(
        "import os, requests\ndef owners():\n"
        "    key = os.environ['HUBSPOT_API_KEY']\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + key)\n"
    )
    text = result.new.decode()
    assert "HUBSPOT_API_KEY" not in text
    sent = []
    fake = types.ModuleType("requests")
    fake.get = lambda url, **kw: sent.append((url, kw))
    monkeypatch.setitem(sys.modules, "requests", fake)
    monkeypatch.delenv("HUBSPOT_API_KEY", raising=False)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "pat-1")
    namespace: dict = {}
    exec(text, namespace)
    namespace["owners"]()
    assert sent == [
        (
            "https://api.hubapi.com/crm/v3/owners",
            {"headers": {"Authorization": "Bearer pat-1"}},
        )
    ]


@pytest.mark.parametrize(
    "reader",
    [
        "    REQUIRED = ('key',)\n    def check(self):\n"
        "        return all(getattr(self, n) for n in self.REQUIRED)\n",
        "    __slots__ = ('key', 'timeout')\n",
    ],
)
def test_an_attribute_read_by_a_computed_name_stays(reader):
    """A review: self.key removed although getattr(self, name) over a list of
    names (or __slots__) reads it: AttributeError at construction."""
    from tests.conftest import migrate

    result = migrate(
        "import os, requests\nclass Client:\n"
        + reader
        + "    def __init__(self):\n        self.key = os.environ['HUBSPOT_API_KEY']\n"
        "    def owners(self):\n        return requests.get('https://api.hubapi.com/"
        "crm/v3/owners', params={'hapikey': self.key})\n"
    )
    assert "self.key = os.environ['HUBSPOT_API_KEY']" in result.new.decode()
    assert any(s.kind.value == "setting" for s in result.sites)


def test_an_import_of_a_tree_module_that_does_something_stays(tmp_path):
    """A review: `import settings` went with its last key use, but settings.py
    ran load_dotenv(): the token from .env was then never loaded."""
    from hapimigrate import providers, run
    from hapimigrate.model import RunOptions

    (tmp_path / "settings.py").write_text(
        "import os\nfrom dotenv import load_dotenv\n\nload_dotenv()\n"
        "HUBSPOT_KEY = os.environ['HUBSPOT_API_KEY']\n"
    )
    (tmp_path / "crm.py").write_text(
        "import requests\nimport settings\n\ndef contacts():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + settings.HUBSPOT_KEY)\n"
    )
    paths = sorted(str(p) for p in tmp_path.iterdir())
    results = {
        r.path.rsplit("/", 1)[1]: r
        for r in run.results(paths, RunOptions(providers.resolve(None)), jobs=1)
    }
    crm = results["crm.py"].new.decode()
    assert "import settings" in crm and "HUBSPOT_ACCESS_TOKEN" in crm
