"""The old variable, after the migration (hapimigrate.tree_leftovers): code the
fixers do not follow that still reads the migrated key's variable (a settings
module loaded by name, a cached getter, a start-up check) or sets it (a test
conftest) is reported, so that apply never calls a tree done that still needs
the old variable; a developer key's variable is not."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.test_wrong_rewrites import tree_results

CLIENT = (
    "import os, requests\n"
    "def owners():\n    return requests.get('https://api.hubapi.com/crm/v3/owners',"
    " params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n"
)


@pytest.mark.parametrize(
    "name, text, says",
    [
        (  # Flask: app.config.from_object("settings") reads it at start-up
            "settings.py",
            "import os\nHUBSPOT_API_KEY = os.environ['HUBSPOT_API_KEY']\n",
            "is still read here",
        ),
        (  # a start-up check: once the variable goes, the job silently stops
            "main.py",
            "import os, client\ndef run():\n"
            "    if not os.getenv('HUBSPOT_API_KEY'):\n        return\n"
            "    client.owners()\n",
            "is still read here",
        ),
        (  # the project's own tests set it: they need the token's variable
            "conftest.py",
            "import os\nos.environ.setdefault('HUBSPOT_API_KEY', 'test-key')\n",
            "is set here",
        ),
    ],
)
def test_what_still_reads_or_sets_the_old_variable_is_reported(
    tmp_path, name, text, says
):
    (tmp_path / "client.py").write_text(CLIENT)
    (tmp_path / name).write_text(text)
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"Bearer" in results["client.py"].new
    (site,) = results[name].sites
    assert site.status == Status.MANUAL and site.kind.value == "setting"
    assert f"HUBSPOT_API_KEY {says}" in site.reason
    assert "test-key" not in site.reason


def test_a_developer_key_variable_and_an_untouched_tree_are_left_alone(tmp_path):
    (tmp_path / "client.py").write_text(CLIENT)
    (tmp_path / "hooks.py").write_text(
        "import os\nDEV = os.environ['HUBSPOT_DEVELOPER_API_KEY']\n"
    )
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert results["hooks.py"].sites == ()
    # nothing migrated: nothing to say about the variable
    (tmp_path / "client.py").write_text(
        "import os\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    )
    assert all(r.sites == () for r in tree_results(tmp_path))


@pytest.mark.parametrize(
    "settings",
    [
        "import os\nHUBSPOT_API_KEY = os.environ.get('HUBSPOT_API_KEY', '')\n",
        "import os\nHUBSPOT_API_KEY = os.getenv('HUBSPOT_API_KEY')  # optional\n",
        # a Flask config class's field (corpus_auto flask_portal_forms)
        "import os\nclass Config(object):\n"
        "    HUBSPOT_API_KEY = os.environ.get('HUBSPOT_API_KEY')\n",
    ],
)
def test_a_default_read_into_a_name_nothing_mentions_needs_nothing(tmp_path, settings):
    """``.get``/``getenv`` never raise: once no file names what they bind, the
    old variable is not required there (no site to act on); named anywhere
    else (a check, ``__all__``, ``getattr(settings, "...")``) it is."""
    (tmp_path / "client.py").write_text(CLIENT)
    (tmp_path / "settings.py").write_text(settings)
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"Bearer" in results["client.py"].new
    assert results["settings.py"].sites == ()
    for reader in (
        "import settings\ndef ready():\n    return bool(settings.HUBSPOT_API_KEY)\n",
        "import settings\nready = getattr(settings, 'HUBSPOT_API_KEY', None)\n",
        "from flask import current_app\n"
        "def ready():\n    return current_app.config['HUBSPOT_API_KEY']\n",
    ):
        (tmp_path / "health.py").write_text(reader)
        results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
        (site,) = results["settings.py"].sites
        assert site.status == Status.MANUAL and "is still read here" in site.reason
    # read with [...] it raises once the variable goes: always reported
    (tmp_path / "health.py").unlink()
    (tmp_path / "settings.py").write_text(
        "import os\nHUBSPOT_API_KEY = os.environ['HUBSPOT_API_KEY']\n"
    )
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert [s.status for s in results["settings.py"].sites] == [Status.MANUAL]


def test_a_definition_other_modules_name_only_as_the_variable_goes(tmp_path):
    """Another module reading ``os.environ["HUBSPOT_KEY"]`` itself names the
    variable, not ``hs.HUBSPOT_KEY``: the definition nothing reads once the
    wrapper is migrated goes (corpus_auto webinar_guarded_params: manual, "still
    read by another module of the tree"); read as ``hs.HUBSPOT_KEY`` it stays."""
    (tmp_path / "hs.py").write_text(
        "import os, requests\nHUBSPOT_KEY = os.environ.get('HUBSPOT_KEY')\n"
        "def hs_get(path):\n    return requests.get('https://api.hubapi.com' + path,"
        " params={'hapikey': HUBSPOT_KEY})\n"
    )
    reader = (
        "import os, requests, hs\ndef size(list_id):\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/lists/%s'"
        " % list_id, params={'hapikey': os.environ['HUBSPOT_KEY']})\n"
    )
    (tmp_path / "webinar.py").write_text(reader)
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"HUBSPOT_KEY =" not in results["hs.py"].new
    assert all(s.status == Status.REWRITE for r in results.values() for s in r.sites)
    (tmp_path / "webinar.py").write_text(reader + "ready = bool(hs.HUBSPOT_KEY)\n")
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"HUBSPOT_KEY =" in results["hs.py"].new
    (site,) = [s for s in results["hs.py"].sites if s.kind.value == "setting"]
    assert site.status == Status.MANUAL and "still read by webinar.py:4" in site.reason


CRM = (
    "import os\nfrom hubspot3 import Hubspot3\n"
    "API_KEY = os.environ.get('HUBSPOT_API_KEY')\n"
    "client = Hubspot3(api_key=API_KEY, timeout=20)\n"
)
DIGEST = (
    "import requests, crm\n"
    "OWNERS = 'https://api.hubapi.com/owners/v2/owners?hapikey={key}&limit={n}'\n"
    "def owners(n):\n    return requests.get(OWNERS.format(key=crm.API_KEY, n=n))\n"
)


def test_a_definition_read_only_by_sites_migrated_elsewhere_goes(tmp_path):
    """``crm.API_KEY`` read by another module's URL that the migration takes
    the key out of: once migrated nothing reads it (corpus_auto
    sdk_hubspot3_pipeline: manual, "still read by digest.py:4"); a read the
    migration leaves (a check) keeps it, and says where."""
    (tmp_path / "crm.py").write_text(CRM)
    (tmp_path / "digest.py").write_text(DIGEST)
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"API_KEY =" not in results["crm.py"].new
    assert b"crm.API_KEY" not in results["digest.py"].new
    assert all(s.status == Status.REWRITE for r in results.values() for s in r.sites)
    (tmp_path / "digest.py").write_text(DIGEST + "READY = bool(crm.API_KEY)\n")
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"API_KEY =" in results["crm.py"].new
    (site,) = [s for s in results["crm.py"].sites if s.kind.value == "setting"]
    assert "still read by digest.py:5" in site.reason


INI_SETTINGS = """\
import configparser
import os


def load(path=None):
    parser = configparser.ConfigParser()
    parser.read(path or os.environ.get("IMPORTER_CONFIG", "hubspot.ini"))
    return parser


_cfg = load()
API_KEY = _cfg.get("hubspot", "api_key")
BATCH_SIZE = _cfg.getint("hubspot", "batch_size", fallback=100)
"""
INI_READER = (
    "import requests\nfrom settings import API_KEY, BATCH_SIZE\n"
    "def owners():\n    return requests.get('https://api.hubapi.com/owners/v2/owners',"
    " params={'hapikey': API_KEY, 'limit': BATCH_SIZE})\n"
)


def test_a_key_read_from_a_parser_a_loader_returns_goes(tmp_path):
    """``_cfg = load()`` with ``load`` returning a new ConfigParser: reading
    the key from it does nothing else, so the definition nothing reads any more
    goes (blind3 csv_batch_importer: manual, "may do more than read the
    environment"); a loader returning anything else keeps it, reported."""
    (tmp_path / "settings.py").write_text(INI_SETTINGS)
    (tmp_path / "sync.py").write_text(INI_READER)
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    settings = results["settings.py"].new
    assert b"API_KEY =" not in settings and b"BATCH_SIZE =" in settings
    assert all(s.status == Status.REWRITE for r in results.values() for s in r.sites)
    (tmp_path / "settings.py").write_text(
        INI_SETTINGS.replace("return parser", "return Settings(parser)")
    )
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    (site,) = [s for s in results["settings.py"].sites if s.kind.value == "setting"]
    assert site.status == Status.MANUAL and "may do more" in site.reason


def test_a_legacy_alias_nothing_reads_needs_nothing_either(tmp_path):
    """``HAPIKEY = API_KEY`` beside ``API_KEY = os.environ.get(...)``, once no
    file reads either name: nothing requires the old variable (blind3
    hsync_grown_package: manual, "still read here"); read as ``config.HAPIKEY``
    somewhere, it is reported."""
    (tmp_path / "client.py").write_text(
        CLIENT.replace("os.environ['HUBSPOT_API_KEY']", "config.API_KEY").replace(
            "import os, requests", "import requests, config"
        )
    )
    settings = (
        "import os\nAPI_KEY = os.environ.get('HUBSPOT_API_KEY', '')\n"
        "# legacy name used by old cron entries\nHAPIKEY = API_KEY\n"
    )
    (tmp_path / "config.py").write_text(settings)
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"Bearer" in results["client.py"].new
    assert [s for s in results["config.py"].sites if s.kind.value == "setting"] == []
    (tmp_path / "cron.py").write_text("import config\nprint(bool(config.HAPIKEY))\n")
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    (site,) = [s for s in results["config.py"].sites if s.kind.value == "setting"]
    assert site.status == Status.MANUAL


def test_a_class_field_read_only_by_sites_left_is_kept_for_them(tmp_path):
    """``class Config: HUBSPOT_API_KEY = os.environ.get(...)`` read by a site
    left for a person (headers from a function it cannot see into) and by one
    migrated: the
    line stays, ``kept`` for that site, not a check of its own (blind6
    celery_kwargs_forms: manual, "still read here")."""
    (tmp_path / "celery_app.py").write_text(
        "import os\nclass Config:\n"
        "    HUBSPOT_API_KEY = os.environ.get('HUBSPOT_API_KEY')\n"
    )
    (tmp_path / "hs.py").write_text(
        "import requests\nfrom celery_app import Config\n"
        "from vendor import auth_headers\ndef call(path):\n"
        "    return requests.get('https://api.hubapi.com' + path,"
        " params={'hapikey': Config.HUBSPOT_API_KEY}, headers=auth_headers())\n"
        "def owners():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners',"
        " params={'hapikey': Config.HUBSPOT_API_KEY})\n"
    )
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert [s.status for s in results["hs.py"].sites if s.kind.value != "call"] == [
        Status.MANUAL,
        Status.REWRITE,
    ]
    (site,) = results["celery_app.py"].sites
    assert site.status == Status.KEPT and "hs.py:5" in site.reason


def test_an_import_another_module_takes_the_name_from_stays(tmp_path):
    """``properties.py`` no longer reads ``KEY`` after the migration, but
    ``health.py`` imports ``KEY`` from it: dropping ``from config import KEY``
    there would break that import (review 15's R9: ImportError)."""
    (tmp_path / "config.py").write_text(
        "import os\nKEY = os.environ.get('HUBSPOT_API_KEY')\n"
    )
    (tmp_path / "properties.py").write_text(
        "import requests\nfrom config import KEY\n"
        "def props(kind):\n    return requests.get("
        "'https://api.hubapi.com/properties/v1/%s/properties' % kind,"
        " params={'hapikey': KEY})\n"
    )
    (tmp_path / "health.py").write_text(
        "from properties import KEY\nREADY = bool(KEY)\n"
    )
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"Bearer" in results["properties.py"].new
    assert b"from config import KEY" in results["properties.py"].new


def test_a_notebook_reading_the_definition_keeps_it(tmp_path):
    """A notebook beside the modules reads ``crm.API_KEY``: its import lines are
    quoted JSON, and are read as imports still (review 16's S1)."""
    import json

    (tmp_path / "crm.py").write_text(
        "import os\nfrom hubspot3 import Hubspot3\n"
        "API_KEY = os.environ.get('HUBSPOT_API_KEY')\n"
        "client = Hubspot3(api_key=API_KEY, timeout=20)\n"
    )
    cell = {
        "cell_type": "code",
        "metadata": {},
        "outputs": [],
        "execution_count": None,
        "source": ["import crm\n", "print(bool(crm.API_KEY))\n"],
    }
    notebook = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "report.ipynb").write_text(json.dumps(notebook, indent=1))
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    assert b"API_KEY = os.environ" in results["crm.py"].new
