"""A Flask extension reading the key out of the application it is given
(``app.config["HUBSPOT_API_KEY"]`` in ``init_app``, :mod:`hapimigrate.analysis.flask_config`):
the configured key when the tree fills it from one environment read only; left,
saying why, when another value may fill it."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, migrated, tree

CONFIG = """\
import os


class Config(object):
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")


class TestingConfig(Config):
    TESTING = True
"""

EXTENSION = """\
import requests


class HubSpotAPI(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, app=None):
        self.api_key = None
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.api_key = app.config["HUBSPOT_API_KEY"]

    def get(self, path, **kwargs):
        kwargs.setdefault("params", {})["hapikey"] = self.api_key
        return requests.get(self.base_url + path, **kwargs).json()


hubspot = HubSpotAPI()
"""

FACTORY = """\
from flask import Flask

from .config import Config
from .extension import hubspot


def create_app(config_object=Config):
    app = Flask(__name__)
    app.config.from_object(config_object)
    hubspot.init_app(app)
    return app


def owners():
    create_app()
    return hubspot.get("/crm/v3/owners/")
"""


def project(**changed: str) -> dict[str, str]:
    files = {
        "portal/__init__.py": FACTORY,
        "portal/config.py": CONFIG,
        "portal/extension.py": EXTENSION,
    }
    return {**files, **changed}


def statuses(out: dict) -> set:
    return {s.status for r in out.values() for s in key_sites(r)}


def reasons(out: dict) -> str:
    return "\n".join(s.reason for r in out.values() for s in key_sites(r))


def test_the_extensions_key_is_the_configured_one(tmp_path):
    out = tree(tmp_path, project())
    extension = migrated(out["portal/extension.py"])
    assert '"Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in extension
    assert "hapikey" not in extension
    assert statuses(out) == {Status.REWRITE}, reasons(out)


STANDIN = '''\
"""The factory's app with its Config; Flask stood in for (config, from_object)."""
import sys
import types

ENV = {"HUBSPOT_API_KEY": "key-main"}


def _flask():
    flask = types.ModuleType("flask")

    class Config(dict):
        def from_object(self, obj):
            for name in dir(obj):
                if name.isupper():
                    self[name] = getattr(obj, name)

    class Flask:
        def __init__(self, name):
            self.config = Config()

    flask.Flask = Flask
    sys.modules["flask"] = flask


def case_owners(credential):
    _flask()
    from portal import owners

    owners()
'''


def test_the_extension_behaves_as_before_with_the_token(tmp_path):
    files = {f"src/{name}": text for name, text in project().items()}
    files["scenario.py"] = STANDIN
    behaves(tmp_path / "flask", files, manual=0)


def test_a_test_configuring_a_made_up_key(tmp_path):
    test = (
        "from portal import create_app\n\n\n"
        "def test_app():\n"
        "    app = create_app()\n"
        '    app.config.update(HUBSPOT_API_KEY="test-key", TESTING=True)\n'
    )
    out = tree(tmp_path, project(**{"tests/test_app.py": test}))
    assert "Bearer" in migrated(out["portal/extension.py"])


def left(out: dict, *words: str) -> None:
    assert not out["portal/extension.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)
    for word in words:
        assert word in reasons(out), (word, reasons(out))


def test_a_second_config_with_another_key_stays(tmp_path):
    sandbox = CONFIG + (
        "\n\nclass SandboxConfig(Config):\n"
        '    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_SANDBOX_KEY")\n'
    )
    out = tree(tmp_path, project(**{"portal/config.py": sandbox}))
    left(out, "app of init_app()")


def test_configuration_loaded_from_a_file_stays(tmp_path):
    factory = FACTORY.replace(
        "    app.config.from_object(config_object)\n",
        "    app.config.from_object(config_object)\n"
        '    app.config.from_pyfile("instance.cfg", silent=True)\n',
    )
    out = tree(tmp_path, project(**{"portal/__init__.py": factory}))
    left(out, "app of init_app()")


def test_a_key_set_from_a_request_stays(tmp_path):
    tenant = (
        "from flask import request\n\nfrom portal import create_app\n\n\n"
        "def tenant_app():\n"
        "    app = create_app()\n"
        '    app.config["HUBSPOT_API_KEY"] = request.headers["X-Portal-Key"]\n'
        "    return app\n"
    )
    out = tree(tmp_path, project(**{"portal/tenants.py": tenant}))
    left(out, "app of init_app()")


def test_a_real_looking_key_in_a_test_stays(tmp_path):
    test = (
        "from portal import create_app\n\n\n"
        "def test_app():\n"
        "    app = create_app()\n"
        '    app.config["HUBSPOT_API_KEY"] = "1f0c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f"\n'
    )
    out = tree(tmp_path, project(**{"tests/test_app.py": test}))
    left(out)


def test_configuration_named_by_the_environment_stays(tmp_path):
    factory = FACTORY.replace(
        "    app.config.from_object(config_object)\n",
        "    app.config.from_object(config_object)\n"
        '    app.config.from_object(os.environ.get("PORTAL_SETTINGS", "portal.config.Config"))\n',
    ).replace("from flask import Flask\n", "import os\n\nfrom flask import Flask\n")
    out = tree(tmp_path, project(**{"portal/__init__.py": factory}))
    left(out, "app of init_app()")


def test_configuration_named_by_a_module_of_the_tree(tmp_path):
    factory = FACTORY.replace(
        "app.config.from_object(config_object)",
        'app.config.from_object("portal.config.Config")',
    )
    out = tree(tmp_path, project(**{"portal/__init__.py": factory}))
    assert "Bearer" in migrated(out["portal/extension.py"])
