"""Where a key comes from decides whether the provider's token may stand for it:
only the ONE configured key (an environment read, a settings module's or
object's value, a constant, a literal) may become the token. A key read from
state per request, per user or per tenant (Flask's ``g`` and ``session``,
flask_login's ``current_user``, a ``ContextVar``, a ``threading.local()``,
django-tenants' ``connection.tenant``), from an object of a library hapimigrate
does not know, or from a name bound where the analysis cannot see (a ``match``
capture, a walrus in a comprehension, ``globals()``) is each user's own: the
site stays as it is, for a person (review 12: R12, R11, R2).

Each shape is one minimal module, with the configured neighbours that must stay
migrated beside it, so that the rule is not bought with needless manual sites."""

from __future__ import annotations

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status
from tests.conftest import migrate

HEAD = "import requests\nURL = 'https://api.hubapi.com/owners/v2/owners'\n"
TOKEN = 'os.environ["HUBSPOT_ACCESS_TOKEN"]'


def _get(key: str, before: str = "") -> str:
    """A module sending ``key`` as ``hapikey`` (``before``: its own lines)."""
    return (
        before
        + HEAD
        + "def owners():\n    return requests.get(URL, params={'hapikey': "
        + key
        + "})\n"
    )


def _key_sites(result):
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


def _only_site(source: str):
    result = migrate(source)
    assert result.error is None, result.error
    sites = _key_sites(result)
    assert len(sites) == 1, sites
    return result, sites[0]


# -- R12: state per request, per user, per tenant ---------------------------------
PER_USER = {
    "ContextVar set per request": _get(
        "portal_key.get()",
        "import contextvars\nportal_key = contextvars.ContextVar('portal_key')\n",
    ),
    "ContextVar imported by name, annotated": _get(
        "KEY.get()",
        "from contextvars import ContextVar\nKEY: ContextVar[str] = ContextVar('k')\n",
    ),
    "threading.local attribute": _get(
        "_local.key", "import threading\n_local = threading.local()\n"
    ),
    "local imported by name": _get(
        "store.key", "from threading import local\nstore = local()\n"
    ),
    "Flask g": _get("g.hubspot_key", "from flask import g\n"),
    "Flask session item": _get("session['hubspot_key']", "from flask import session\n"),
    "Flask session get": _get(
        "session.get('hubspot_key')", "from flask import session\n"
    ),
    "flask_login current_user": _get(
        "current_user.hubspot_api_key", "from flask_login import current_user\n"
    ),
    # a configuration word after the per-user part does not make it the app's
    "current_user's settings": _get(
        "current_user.settings.hubspot_key", "from flask_login import current_user\n"
    ),
    "django-tenants connection.tenant": _get(
        "connection.tenant.hubspot_api_key", "from django.db import connection\n"
    ),
    "imported current_tenant()": _get(
        "current_tenant().hubspot_key", "from app.tenancy import current_tenant\n"
    ),
    "django Site.objects.get_current()": _get(
        "Site.objects.get_current().settings.hubspot_key",
        "from django.contrib.sites.models import Site\n",
    ),
    "crum get_current_user()": _get(
        "get_current_user().profile.hubspot_key", "from crum import get_current_user\n"
    ),
    "streamlit session_state": _get(
        "st.session_state['hubspot_key']", "import streamlit as st\n"
    ),
    "django request.user through the module": _get(
        "request.user.profile.hubspot_key", "from django.http import request\n"
    ),
    "Flask session get, a configured default": _get(
        "session.get('hubspot_key', DEFAULT)",
        "import os\nfrom flask import session\n"
        "DEFAULT = os.environ['HUBSPOT_API_KEY']\n",
    ),
    "imported current_tenant(request)": _get(
        "current_tenant(request).hubspot_key",
        "from flask import request\nfrom app.tenancy import current_tenant\n",
    ),
    # the same through a name, and through this module's function
    "a name assigned g's value": (
        "from flask import g\n"
        + HEAD
        + "def owners():\n    key = g.hubspot_key\n"
        + "    return requests.get(URL, params={'hapikey': key})\n"
    ),
    "a module function returning the session's": _get(
        "key()", "from flask import session\ndef key():\n    return session['k']\n"
    ),
    # an object of a library hapimigrate does not know for configuration
    "another library's object": _get(
        "registry.hubspot_key", "from somelib import registry\n"
    ),
    "another library's call": _get("lookup()", "from somelib import lookup\n"),
}


@pytest.mark.parametrize("shape", sorted(PER_USER))
def test_a_key_per_request_user_or_tenant_is_left_for_a_person(shape):
    result, site = _only_site(PER_USER[shape])
    assert site.status == Status.MANUAL, site
    assert result.new is None  # nothing changes: no token replaces a user's key
    assert "HUBSPOT_ACCESS_TOKEN" not in site.reason


SDK_PER_USER = {
    "hubspot-api-client given the session's key": (
        "from flask import session\nfrom hubspot import HubSpot\n"
        "def contacts():\n    client = HubSpot(api_key=session['hubspot_key'])\n"
        "    return client.crm.contacts.basic_api.get_page()\n"
    ),
    "hubspot3 given a ContextVar's key": (
        "import contextvars\nfrom hubspot3 import Hubspot3\n"
        "tenant_key = contextvars.ContextVar('tenant_key')\n"
        "def contacts():\n    return Hubspot3(api_key=tenant_key.get()).contacts.get_all()\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(SDK_PER_USER))
def test_an_sdk_client_given_a_users_key_is_left_for_a_person(shape):
    result, site = _only_site(SDK_PER_USER[shape])
    assert site.kind.value == "sdk"
    assert site.status == Status.MANUAL, site
    assert result.new is None


# The web request's own data stays the caller's credential (README: what is posted
# must be a token now): the request's value is sent as the token, never ours.
REQUEST_DATA = {
    "a module function returning a cookie": (
        _get(
            "get_key()",
            "from flask import request\ndef get_key():\n"
            "    return request.cookies.get('hs_key')\n",
        ),
        '"Bearer " + get_key()',
    ),
    "flask.request through the module": (
        _get("flask.request.args['hapikey']", "import flask\n"),
        "\"Bearer \" + flask.request.args['hapikey']",
    ),
    "request.json read as an attribute": (
        _get("request.json['key']", "from flask import request\n"),
        "\"Bearer \" + request.json['key']",
    ),
}


@pytest.mark.parametrize("shape", sorted(REQUEST_DATA))
def test_the_web_requests_key_becomes_the_callers_token(shape):
    source, header = REQUEST_DATA[shape]
    result, site = _only_site(source)
    assert site.status == Status.REWRITE, site
    assert "web request" in site.reason
    text = result.new.decode()
    assert header in text
    assert "HUBSPOT_ACCESS_TOKEN" not in text


# -- the configured key stays the configured key -------------------------------------
CONFIGURED = {
    "os.environ": _get("os.environ['HUBSPOT_API_KEY']", "import os\n"),
    "django settings": _get(
        "settings.HUBSPOT_API_KEY", "from django.conf import settings\n"
    ),
    "Flask current_app.config": _get(
        "current_app.config['HUBSPOT_API_KEY']", "from flask import current_app\n"
    ),
    "python-decouple config()": _get(
        "config('HUBSPOT_API_KEY')", "from decouple import config\n"
    ),
    "django-environ Env()": _get(
        "env('HUBSPOT_API_KEY')", "import environ\nenv = environ.Env()\n"
    ),
    # dotenv_values(".env") is a file read at run time, not the environment:
    # its value stays the key's source (tests/test_written_key_files.py)
    "a config module": _get("config.hubspot_key", "import config\n"),
    "an imported constant": _get(
        "HUBSPOT_API_KEY", "from keys import HUBSPOT_API_KEY\n"
    ),
    # the module's name says nothing of what it holds: a constant is one
    "a constant of a module named for users": _get(
        "HUBSPOT_API_KEY", "from app.user_requests import HUBSPOT_API_KEY\n"
    ),
    "a star import": _get("HUBSPOT_API_KEY", "from settings import *\n"),
    "keyring": _get("keyring.get_password('hubspot', 'api')", "import keyring\n"),
    "AWS SSM parameter": _get(
        "boto3.client('ssm').get_parameter(Name='/hs/key')['Parameter']['Value']",
        "import boto3\n",
    ),
    "AWS Secrets Manager through a boto3 session": _get(
        "sess.client('secretsmanager').get_secret_value(SecretId='hs')['SecretString']",
        "import boto3\nsess = boto3.session.Session()\n",
    ),
    "streamlit secrets": _get(
        "st.secrets['hubspot']['api_key']", "import streamlit as st\n"
    ),
    "Airflow Variable": _get(
        "Variable.get('hubspot_api_key')", "from airflow.models import Variable\n"
    ),
    "this module's function reading the environment": _get(
        "key()", "import os\ndef key():\n    return os.environ['HUBSPOT_API_KEY']\n"
    ),
    "a library function given the key": _get(
        "quote(API_KEY)",
        "import os\nfrom urllib.parse import quote\n"
        "API_KEY = os.environ['HUBSPOT_API_KEY']\n",
    ),
    "a pydantic settings object": _get(
        "settings.hubspot_api_key",
        "from pydantic_settings import BaseSettings\n"
        "class S(BaseSettings):\n    hubspot_api_key: str = 'x'\nsettings = S()\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(CONFIGURED))
def test_the_configured_key_still_becomes_the_providers_token(shape):
    result, site = _only_site(CONFIGURED[shape])
    assert site.status == Status.REWRITE, site
    assert TOKEN in result.new.decode()


def test_the_command_line_stays_the_callers():
    for key, before in (
        ("sys.argv[1]", "import sys\n"),
        ("getpass.getpass()", "import getpass\n"),
    ):
        result, site = _only_site(_get(key, before))
        assert site.status == Status.REWRITE, site
        assert "command line" in site.reason
        assert TOKEN not in result.new.decode()


# -- through modules of the tree -----------------------------------------------------
def _tree(folder, files: dict[str, str]):
    for name, text in files.items():
        (folder / name).write_text(text)
    paths = sorted(str(folder / n) for n in files)
    results = list(run.results(paths, RunOptions(providers.resolve(None)), jobs=1))
    return {r.path.rsplit("/", 1)[-1]: r for r in results}


def test_a_tree_function_reading_the_session_is_a_users_key(tmp_path):
    results = _tree(
        tmp_path,
        {
            "tenancy.py": "from flask import session\n"
            "def hubspot_key():\n    return session['hubspot_key']\n",
            "crm.py": _get("hubspot_key()", "from tenancy import hubspot_key\n"),
        },
    )
    (site,) = _key_sites(results["crm.py"])
    assert site.status == Status.MANUAL, site
    assert results["crm.py"].new is None


def test_a_tree_function_reading_the_environment_is_the_configured_key(tmp_path):
    results = _tree(
        tmp_path,
        {
            "keys.py": "import os\n"
            "def hubspot_key():\n    return os.environ['HUBSPOT_API_KEY']\n",
            "crm.py": _get("hubspot_key()", "from keys import hubspot_key\n"),
        },
    )
    (site,) = _key_sites(results["crm.py"])
    assert site.status == Status.REWRITE, site
    assert TOKEN in results["crm.py"].new.decode()


# -- R11: names bound where LibCST records no binding -------------------------------
UNBOUND = {
    "match mapping capture": (
        "def owners_for(portal):\n    match portal:\n"
        "        case {'hubspot': {'api_key': key}}:\n"
        "            return requests.get(URL, params={'hapikey': key})\n"
    ),
    "match sequence capture": (
        "def run(args):\n    match args:\n        case ['owners', key]:\n"
        "            return requests.get(URL, params={'hapikey': key})\n"
    ),
    "match class pattern as": (
        "def run(value):\n    match value:\n        case str() as key:\n"
        "            return requests.get(URL, params={'hapikey': key})\n"
    ),
    "walrus in a generator expression": (
        "def first(candidates):\n"
        "    if any((key := k).startswith('pat-') is False for k in candidates):\n"
        "        return requests.get(URL, params={'hapikey': key})\n"
    ),
    "set only through globals()": (
        "def use_portal(key):\n    globals()['API_KEY'] = key\n"
        "def owners():\n    return requests.get(URL, params={'hapikey': API_KEY})\n"
    ),
    "set through globals() beside its configured value": (
        "import os\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
        "def use_portal(key):\n    globals()['API_KEY'] = key\n"
        "def owners():\n    return requests.get(URL, params={'hapikey': API_KEY})\n"
    ),
    "injected from outside": (
        "def owners():\n    return requests.get(URL, params={'hapikey': TENANT_KEY})"
        "  # noqa: F821  (injected by the plugin loader)\n"
    ),
    "walrus in a list comprehension": (
        "def first(candidates):\n"
        "    found = [key for k in candidates if (key := k.strip())]\n"
        "    return requests.get(URL, params={'hapikey': key})\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(UNBOUND))
def test_a_key_bound_where_the_analysis_cannot_see_is_left_for_a_person(shape):
    result, site = _only_site(HEAD + UNBOUND[shape])
    assert site.status == Status.MANUAL, site
    assert result.new is None


# -- R2: a parameter typed with the module's settings class -------------------------
SETTINGS = (
    "import os\nfrom dataclasses import dataclass, field\nfrom typing import Optional\n"
    + HEAD
    + "@dataclass(frozen=True)\nclass Settings:\n"
    "    api_key: str = field(default_factory=lambda: os.environ['HUBSPOT_API_KEY'])\n"
    "    base_url: str = 'https://api.hubapi.com'\n"
)


@pytest.mark.parametrize("annotation", ["Settings", "'Settings'", "Optional[Settings]"])
def test_a_settings_parameter_whose_field_defaults_to_the_key_is_left(annotation):
    """``owners(Settings())`` sends the old key: "Bearer " + s.api_key would be
    refused (401); with callers passing tokens it would work: a person decides."""
    source = SETTINGS + (
        f"def owners(s: {annotation}):\n"
        "    return requests.get(URL, params={'hapikey': s.api_key})\n"
    )
    result, site = _only_site(source)
    assert site.status == Status.MANUAL, site
    assert "s.api_key" in site.reason
    assert result.new is None


def test_a_settings_parameter_whose_field_has_no_default_is_the_callers():
    source = (
        HEAD + "from dataclasses import dataclass\n@dataclass\nclass Portal:\n"
        "    api_key: str\n"
        "def owners(p: Portal):\n"
        "    return requests.get(URL, params={'hapikey': p.api_key})\n"
    )
    result, site = _only_site(source)
    assert site.status == Status.REWRITE, site
    assert '"Bearer " + p.api_key' in result.new.decode()


def test_the_noqa_mark_is_read_on_the_names_own_line_after_a_form_feed():
    """A form feed is no line break for Python: the mark is still on the line."""
    source = HEAD + "\x0c\n" + UNBOUND["injected from outside"]
    result, site = _only_site(source)
    assert site.status == Status.MANUAL, site
    assert result.new is None


def test_a_store_of_tenants_keys_stays_the_callers_whatever_it_is_named(tmp_path):
    """The store rule (a tree function reading a database, given a run-time
    value) still decides: its keys are each tenant's, sent as their tokens."""
    results = _tree(
        tmp_path,
        {
            "tenants.py": "import sqlite3\n"
            "def key_for(portal_id):\n"
            "    row = sqlite3.connect('t.db').execute("
            "'select key from t where id = ?', (portal_id,)).fetchone()\n"
            "    return row[0]\n",
            "crm.py": HEAD
            + "import tenants as tenant_store\n"
            + "def owners(portal_id):\n"
            + "    key = tenant_store.key_for(portal_id)\n"
            + "    return requests.get(URL, params={'hapikey': key})\n",
        },
    )
    (site,) = _key_sites(results["crm.py"])
    assert site.status == Status.REWRITE, site
    assert "stored per tenant" in site.reason
    assert '"Bearer " + key' in results["crm.py"].new.decode()


def test_the_reason_says_what_the_key_was_found_to_be():
    """The manual reason names the per-request state it found, never a key's
    value: a default written in the code is not quoted back."""
    _, site = _only_site(_get("g.hubspot_key", "from flask import g\n"))
    assert "state per request, per user or per tenant (g)" in site.reason
    _, site = _only_site(
        _get("session.get('k', 'pat-na1-11111111')", "from flask import session\n")
    )
    assert site.status == Status.MANUAL and "pat-na1" not in site.reason
