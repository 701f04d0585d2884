"""Shapes of real legacy code on which a review or a blind corpus once found a wrong
rewrite: each is now migrated right or left for a person, never rewritten wrong.
One minimal module per shape; the reason must name the risk."""

from __future__ import annotations

import os

import pytest

from hapimigrate import providers, run
from hapimigrate.model import FileResult, RunOptions, Status
from tests.conftest import migrate, migrated_text


def tree_results(folder) -> list[FileResult]:
    """Every file of ``folder`` migrated together (the tree-wide passes)."""
    paths = sorted(str(p) for p in folder.iterdir())
    return list(run.results(paths, RunOptions(providers.resolve(None)), jobs=1))


KEY = "import os, requests\nAPI_KEY = os.environ.get('HUBSPOT_API_KEY')\n"

LEFT_FOR_A_PERSON = {
    # one request serves two CRMs, by branch: the token would go to Pipedrive
    "url assigned another host in a branch": (
        KEY + "def push(crm, body):\n    if crm == 'hubspot':\n"
        "        url = 'https://api.hubapi.com/contacts/v1/contact?hapikey=' + API_KEY\n"
        "    else:\n        url = 'https://api.pipedrive.com/v1/persons?api_token=' + T\n"
        "    return requests.post(url, json=body)\n",
        "also sends to api.pipedrive.com",
    ),
    # the helper's host comes from its callers
    "host given by the callers": (
        KEY + "def call(host, path, params):\n"
        "    return requests.get(f'https://{host}{path}', params=params)\n"
        "def hub():\n    return call('api.hubapi.com', '/owners/v2/owners', {'hapikey': API_KEY})\n"
        "def pipe():\n    return call('api.pipedrive.com', '/v1/persons', {'api_token': T})\n",
        "other callers' URLs",
    ),
    # the OAuth header is built by a helper and reaches the request through a name
    "OAuth header from a helper, through a variable": (
        KEY + "OAUTH = os.environ.get('OAUTH')\n"
        "def _headers():\n    h = {}\n    if OAUTH:\n        h['Authorization'] = 'Bearer ' + OAUTH\n"
        "    return h\n"
        "def get(path):\n    query = {}\n    if not OAUTH:\n        query['hapikey'] = API_KEY\n"
        "    headers = _headers()\n"
        "    return requests.get('https://api.hubapi.com' + path, params=query, headers=headers)\n",
        "runs only where _headers() does not write its Authorization header",
    ),
    # a module-level OAuth headers dict
    "OAuth header in a module constant": (
        KEY + "OAUTH = os.environ.get('OAUTH')\n"
        "HEADERS = {'Authorization': 'Bearer ' + OAUTH} if OAUTH else {}\n"
        "def get(path):\n    return requests.get('https://api.hubapi.com' + path,"
        " params={'hapikey': API_KEY}, headers=HEADERS)\n",
        "already sends an Authorization header",
    ),
    # a helper another caller uses without the key (with its own OAuth token)
    "helper also called without the key": (
        KEY + "def _request(path, params=None, headers=None):\n"
        "    return requests.get('https://api.hubapi.com' + path, params=params, headers=headers)\n"
        "def with_key():\n    return _request('/owners/v2/owners', params={'hapikey': API_KEY})\n"
        "def for_user(tok):\n    return _request('/owners/v2/owners',"
        " headers={'Authorization': 'Bearer ' + tok})\n",
        "also called without the key",
    ),
    # http.client: headers come fourth, positionally
    "http.client positional headers": (
        KEY + "import http.client\nHEADERS = {'Content-Type': 'application/json'}\n"
        "def post(body):\n    conn = http.client.HTTPSConnection('api.hubapi.com')\n"
        "    conn.request('POST', '/contacts/v1/contact?hapikey=' + API_KEY, body, HEADERS)\n",
        "headers positionally",
    ),
    # each tenant's key, looked up by the caller's argument
    "per-portal key lookup": (
        "import os, requests\n"
        "def owners(client):\n    key = os.environ['HUBSPOT_KEY_' + client]\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners', params={'hapikey': key})\n",
        "caller's or a configured default",
    ),
    # a loop over portals at module level: not one configured key
    "keys from a loop": (
        "import requests\nPORTALS = {'acme': 'k1', 'globex': 'k2'}\n"
        "for portal, api_key in PORTALS.items():\n"
        "    requests.get('https://api.hubapi.com/owners/v2/owners', params={'hapikey': api_key})\n",
        "cannot tell where the key's value comes from",
    ),
    # a subclass brings its own (sandbox) key
    "subclass overrides the key": (
        "import os, requests\nclass Portal:\n    api_key = os.environ.get('HUBSPOT_API_KEY')\n"
        "    def owners(self):\n        return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': self.api_key})\n"
        "class SandboxPortal(Portal):\n    api_key = os.environ.get('HUBSPOT_SANDBOX_API_KEY')\n",
        "set to 2 keys",
    ),
}


@pytest.mark.parametrize("name", LEFT_FOR_A_PERSON)
def test_left_for_a_person(name):
    source, reason = LEFT_FOR_A_PERSON[name]
    result = migrate(source)
    assert result.error is None
    assert result.new is None, result.new.decode()
    statuses = [(s.status, s.reason) for s in result.sites]
    assert statuses and all(status == Status.MANUAL for status, _ in statuses)
    assert any(reason in why for _, why in statuses), statuses


def test_a_command_line_key_stays_the_callers():
    source = (
        "import argparse, requests\n"
        "def export(api_key):\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners', params={'hapikey': api_key})\n"
        "if __name__ == '__main__':\n"
        "    parser = argparse.ArgumentParser()\n    parser.add_argument('--api-key')\n"
        "    args = parser.parse_args()\n    export(args.api_key)\n"
    )
    new = migrate(source).new.decode()
    assert "export(args.api_key)" in new  # not replaced by the provider's token
    assert '"Bearer " + api_key' in new


def test_a_factory_classmethods_key_is_seen():
    source = (
        "import os, requests\n"
        "class Client:\n    def __init__(self, api_key):\n        self.api_key = api_key\n"
        "    @classmethod\n    def from_env(cls):\n        return cls(os.environ['HUBSPOT_API_KEY'])\n"
        "    def owners(self):\n        return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': self.api_key})\n"
    )
    new = migrate(source).new.decode()
    assert 'cls(os.environ["HUBSPOT_ACCESS_TOKEN"])' in new


def test_sdk_clients_whose_key_is_in_a_mapping_or_set_later_are_reported():
    source = (
        "import os\nfrom hubspot import HubSpot\nfrom hubspot3 import Hubspot3\n"
        "CONFIG = {'api_key': os.environ['K'], 'timeout': 10}\n"
        "hub3 = Hubspot3(**CONFIG)\n"
        "hs = HubSpot(api_key=os.environ['K'])\n"
        "def for_portal(portal_key):\n    hs.api_key = portal_key\n"
        "    return hs.crm.contacts.basic_api.get_page()\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [(s.line, s.status) for s in result.sites] == [
        (5, Status.MANUAL),
        (6, Status.MANUAL),
        (8, Status.MANUAL),
    ]


def test_a_session_whose_headers_a_helper_replaces_is_left():
    source = (
        KEY
        + "def _defaults(sess):\n    sess.headers = {'Accept': 'application/json'}\n"
        "    return sess\n"
        "def make():\n    session = requests.Session()\n"
        "    session.params = {'hapikey': API_KEY}\n    return _defaults(session)\n"
    )
    [site] = migrate(source).sites
    assert site.status == Status.MANUAL and "by _defaults()" in site.reason


def test_an_sdk_clients_configured_default_becomes_the_token():
    source = (
        "import os\nfrom hubspot3 import Hubspot3\n\n"
        "def legacy_client(api_key=None):\n"
        "    return Hubspot3(api_key=api_key or os.environ['HUBSPOT_API_KEY'], timeout=20)\n"
    )
    new = migrate(source).new.decode()
    assert (
        'Hubspot3(access_token=api_key or os.environ["HUBSPOT_ACCESS_TOKEN"], timeout=20)'
        in new
    )


def test_a_plain_objects_params_attribute_is_not_a_session():
    """``self.params = {"hapikey": ...}`` in a class that is not a session sends
    nothing by itself (subclasses in other modules send it): it was taken for
    session params and became ``self.headers[...] = ...``, an AttributeError."""
    source = (
        "import os\n\nclass BaseClient(object):\n"
        "    def __init__(self, api_key=None):\n"
        "        self.params = {'hapikey': api_key or os.environ['HUBSPOT_API_KEY']}\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status for s in result.sites] == [Status.MANUAL]


@pytest.mark.parametrize(
    "url",
    [
        "'https://api.hubapi.com/extensions/ecomm/v2/settings?appId=%s&hapikey=%s' % (APP_ID, DEV_KEY)",
        "'https://api.hubapi.com/integrations/v1/me?hapikey=%s' % (DEV_KEY,)",
        "'https://api.hubapi.com/integrations/v1/me?hapikey={}'.format(DEV_KEY)",
    ],
)
def test_a_developer_key_filled_into_a_url_by_formatting_is_kept(url):
    """blind corpus (shopify_bridge_shared_session): the developer key fed to a
    ``%s`` field was not seen as the key, and became the portal token."""
    source = (
        "import os, requests\nDEV_KEY = os.environ['HUBSPOT_DEVELOPER_KEY']\n"
        f"APP_ID = 7\ndef settings():\n    return requests.get({url})\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status for s in result.sites if s.kind.value == "url"] == [Status.KEPT]


TENANT = "import requests\nfrom flask import request\nimport db\n"
PROFILE = "'https://api.hubapi.com/contacts/v1/contact/vid/1/profile'"
STORE = (
    "import sqlite3\n_db = sqlite3.connect(':memory:')\n"
    "def portal_key(portal_id):\n"
    "    return _db.execute('select key from p where id = ?', (portal_id,)).fetchone()[0]\n"
    "def active_portals():\n"
    "    return [dict(zip(('id', 'api_key'), r)) for r in _db.execute('select * from p')]\n"
)


def migrate_beside(tmp_path, source: str, store: str = STORE):
    """Migrate ``app.py`` with ``db.py`` beside it: the FileResult of app.py."""

    (tmp_path / "db.py").write_text(store)
    (tmp_path / "app.py").write_text(source)
    options = RunOptions(provider=providers.resolve(None))
    results = run.results(
        [str(tmp_path / "app.py"), str(tmp_path / "db.py")], options, jobs=1
    )
    return next(r for r in results if r.path.endswith("app.py"))


@pytest.mark.parametrize(
    "body,token",
    [
        (  # a key posted to the web handler: it was replaced by the provider's token
            "def install():\n    key = request.form['api_key'].strip()\n"
            f"    return requests.get({PROFILE}, params={{'hapikey': key}})\n",
            '"Bearer " + key',
        ),
        (
            "def install():\n"
            f"    return requests.get({PROFILE}, params={{'hapikey': request.headers.get('X-Key')}})\n",
            "\"Bearer \" + request.headers.get('X-Key')",
        ),
        (  # a tenant's key looked up by a value known at run time
            "def hook(event):\n    key = db.portal_key(event['portalId'])\n"
            f"    return requests.get({PROFILE}, params={{'hapikey': key}})\n",
            '"Bearer " + key',
        ),
        (  # one tenant's record per turn
            "def monthly():\n    for portal in db.active_portals():\n"
            f"        requests.get({PROFILE}, params={{'hapikey': portal['api_key']}})\n",
            "\"Bearer \" + portal['api_key']",
        ),
    ],
    ids=["form", "header", "lookup", "rows"],
)
def test_a_tenants_key_from_the_request_or_storage_is_sent_not_replaced(
    tmp_path, body, token
):
    """Each tenant's credential stays the tenant's: it is sent as the token (the
    stored or posted values must be tokens now), never the provider's one."""
    result = migrate_beside(tmp_path, TENANT + body)
    text = result.new.decode()
    assert token in text and "HUBSPOT_ACCESS_TOKEN" not in text
    assert "tenant" in result.sites[-1].reason or "request" in result.sites[-1].reason


LOOKUP = (
    "def hook(event):\n    key = db.portal_key(event['portalId'])\n"
    f"    return requests.get({PROFILE}, params={{'hapikey': key}})\n"
)


@pytest.mark.parametrize(
    "body,store",
    [  # a configuration reader looked up per call: one of several configured keys
        (
            "import config\ndef hook(env):\n    key = config.key_for(env)\n"
            f"    return requests.get({PROFILE}, params={{'hapikey': key}})\n",
            STORE,
        ),
        (  # the store's function returns the environment's keys
            "def hook(region):\n    key = db.portal_key(region)\n"
            f"    return requests.get({PROFILE}, params={{'hapikey': key}})\n",
            "import os\nKEYS = {'eu': os.environ['HUBSPOT_KEY_EU']}\n"
            "def portal_key(region):\n    return KEYS[region]\n",
        ),
        (  # a module that is not the tree's (json, subprocess, ...)
            "import json\ndef hook(f):\n    conf = json.load(f)\n"
            f"    return requests.get({PROFILE}, params={{'hapikey': conf['api_key']}})\n",
            STORE,
        ),
        (  # a loop over the constants of a module, not a store's rows
            "from db import PORTALS\ndef hook():\n    for key in PORTALS.values():\n"
            f"        requests.get({PROFILE}, params={{'hapikey': key}})\n",
            "PORTALS = {'a': 'k1', 'b': 'k2'}\n",
        ),
        (  # the query parameter, else the configured key
            "import os\nKEY = os.environ['HUBSPOT_API_KEY']\ndef hook():\n"
            "    key = request.args.get('hapikey', KEY)\n"
            f"    return requests.get({PROFILE}, params={{'hapikey': key}})\n",
            STORE,
        ),
        (  # the store falls back on a key another module reads from the environment
            LOOKUP,
            "from hubspot_keys import HUBSPOT_API_KEY\nPORTAL_KEYS = {}\n"
            "def portal_key(pid):\n    return PORTAL_KEYS.get(pid, HUBSPOT_API_KEY)\n",
        ),
        (  # ... or on a function of its own that does
            LOOKUP,
            "import os\n_TENANTS = {}\ndef _default_key():\n"
            "    return os.environ['HUBSPOT_API_KEY']\n"
            "def portal_key(pid):\n    return _TENANTS.get(pid) or _default_key()\n",
        ),
        (  # keys written in the code, behind a function
            LOOKUP,
            "PORTAL_KEYS = {4242: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d'}\n"
            "def portal_key(pid):\n    return PORTAL_KEYS[pid]\n",
        ),
    ],
    ids=[
        "config",
        "store_reads_env",
        "json",
        "constants",
        "query_default",
        "store_imports_the_key",
        "store_calls_a_reader",
        "store_of_literal_keys",
    ],
)
def test_a_lookup_that_may_be_configuration_stays_manual(tmp_path, body, store):
    result = migrate_beside(tmp_path, TENANT + body, store)
    assert result.new is None
    assert [s.status for s in result.sites if s.kind.value == "params"] == [
        Status.MANUAL
    ]


def test_a_key_read_out_of_a_default_settings_object_stays_manual():
    """blind corpus (hubkit_typed_package): ``self.settings = settings or
    Settings.from_env()`` then ``self.settings.api_key``: the default object was
    replaced by the token, and ``.api_key`` of a string fails."""
    source = (
        "import requests\nfrom config import Settings\n"
        "class Api:\n    def __init__(self, settings=None):\n"
        "        self.settings = settings or Settings.from_env()\n"
        "    def get(self, path):\n"
        "        return requests.get('https://api.hubapi.com' + path,"
        " params={'hapikey': self.settings.api_key})\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status for s in result.sites] == [Status.MANUAL]


def test_a_key_named_dev_sent_to_an_endpoint_taking_tokens_is_left_for_a_person():
    """``HUBSPOT_DEV_KEY if DEBUG else HUBSPOT_PROD_KEY`` to /crm/v3/owners: a
    portal key for the development portal, not a developer key; keeping it
    (as before) let check pass on a key that stops working."""
    source = (
        "import os, requests\nDEBUG = os.environ.get('DEBUG')\n"
        "HUBSPOT_DEV_KEY = os.environ['HUBSPOT_DEV_KEY']\n"
        "HUBSPOT_PROD_KEY = os.environ['HUBSPOT_PROD_KEY']\n"
        "def owners():\n    return requests.get('https://api.hubapi.com/crm/v3/owners"
        "?hapikey=%s' % (HUBSPOT_DEV_KEY if DEBUG else HUBSPOT_PROD_KEY))\n"
    )
    result = migrate(source)
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "url"]
    assert site.status == Status.MANUAL and "developer" in site.reason


def test_a_tenants_stored_key_leaves_a_developer_keys_option_alone(tmp_path):
    """A per-tenant site in a command module must not retarget the app's
    developer-key option (nor fail when the provider is not a variable)."""
    body = (
        "import click\n"
        "@click.command()\n@click.option('--app-key', envvar='HUBSPOT_APP_KEY')\n"
        "def webhooks(app_key):\n"
        "    return requests.get('https://api.hubapi.com/webhooks/v3/1/subscriptions',"
        " params={'hapikey': app_key})\n"
        "def monthly():\n    for portal in db.active_portals():\n"
        f"        requests.get({PROFILE}, params={{'hapikey': portal['api_key']}})\n"
    )
    result = migrate_beside(tmp_path, TENANT + body)
    assert result.error is None
    text = result.new.decode()
    assert "envvar='HUBSPOT_APP_KEY'" in text
    assert "\"Bearer \" + portal['api_key']" in text


def test_a_configured_key_two_callers_up_becomes_the_token():
    """run() passes the configured key to main(key), which passes it on to
    deals(key): only the last sends it; before, run() kept passing the old key,
    now sent as a Bearer token."""
    source = (
        "import os, requests\n"
        "def deals(key):\n    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
        " params={'hapikey': key})\n"
        "def main(key):\n    return deals(key)\n"
        "def run():\n    return main(os.environ['HUBSPOT_API_KEY'])\n"
    )
    text = migrate(source).new.decode()
    assert 'main(os.environ["HUBSPOT_ACCESS_TOKEN"])' in text
    assert "HUBSPOT_API_KEY" not in text


def test_a_key_that_is_a_field_of_a_configured_object_is_not_replaced_by_the_token():
    """deals(cfg) sends cfg.hubspot_key; main() passes CONFIG, an object: it was
    replaced by the token string (cfg.pipeline then fails)."""
    source = (
        "import os, requests\n"
        "class Config:\n    def __init__(self, key):\n        self.hubspot_key = key\n"
        "        self.pipeline = 'default'\n"
        "CONFIG = Config(os.environ['HUBSPOT_API_KEY'])\n"
        "def deals(cfg):\n    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
        " params={'hapikey': cfg.hubspot_key, 'pipeline': cfg.pipeline})\n"
        "def main():\n    return deals(CONFIG)\n"
    )
    result = migrate(source)
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and ".hubspot_key" in site.reason


def test_a_configured_object_passed_from_another_module_is_not_replaced(tmp_path):
    client = (
        "import requests\n"
        "def deals(cfg):\n    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
        " params={'hapikey': cfg.hubspot_key})\n"
    )
    main = (
        "import os\nfrom client import deals\n"
        "class Config:\n    hubspot_key = os.environ['HUBSPOT_API_KEY']\n"
        "def run():\n    return deals(Config())\n"
    )

    (tmp_path / "client.py").write_text(client)
    (tmp_path / "main.py").write_text(main)
    paths = [str(tmp_path / "client.py"), str(tmp_path / "main.py")]
    options = RunOptions(provider=providers.resolve(None))
    results = list(run.results(paths, options, jobs=1))
    assert [r.new for r in results] == [None, None]
    assert Status.MANUAL in {s.status for r in results for s in r.sites}


@pytest.mark.parametrize(
    "definition,use,status,why",
    [
        (  # the developer key behind a neutral name: kept, not replaced by the token
            "KEY = os.environ['HUBSPOT_DEVELOPER_API_KEY']\n",
            "requests.get('https://api.hubapi.com' + path, params={'hapikey': KEY})",
            Status.KEPT,
            "developer",
        ),
        (  # a dev portal's key behind a name, to an endpoint taking tokens
            "KEY = os.environ['HUBSPOT_DEV_KEY'] if DEBUG else os.environ['HUBSPOT_PROD_KEY']\n",
            "requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=%s' % KEY)",
            Status.MANUAL,
            "developer",
        ),
        (  # one of two portals' keys, chosen at run time: one token would mix them
            "",
            "requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey':"
            " os.environ['HUBSPOT_STAGING_KEY'] if DEBUG else os.environ['HUBSPOT_PROD_KEY']})",
            Status.MANUAL,
            "several keys",
        ),
    ],
    ids=["developer_by_name", "dev_portal", "two_portals"],
)
def test_what_a_keys_definition_says_counts(definition, use, status, why):
    source = (
        "import os, requests\nDEBUG = os.environ.get('DEBUG')\n"
        + definition
        + f"def get(path):\n    return {use}\n"
    )
    result = migrate(source)
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value in ("url", "params")]
    assert site.status == status and why in site.reason


ARGPARSE_CLI = (
    "import argparse, os, subprocess\nfrom client import Client\n"
    "def main(argv=None):\n    parser = argparse.ArgumentParser()\n"
    "    parser.add_argument('--api-key', default=os.environ.get('HUBSPOT_API_KEY'))\n"
    "    args = parser.parse_args(argv)\n    Client(args.api_key).owners()\n"
)
CLIENT = (
    "import requests\nclass Client:\n    def __init__(self, api_key):\n"
    "        self.api_key = api_key\n    def owners(self):\n"
    "        return requests.get('https://api.hubapi.com/crm/v3/owners',"
    " params={'hapikey': self.api_key})\n"
)


@pytest.mark.parametrize(
    "extra,migrated",
    [
        ("", True),  # the option's default becomes the token, in the other module
        # a test of presence is no other use: a token passes it as the key did
        ("    if not args.api_key:\n        parser.error('no key')\n", True),
        # the option is also handed to a subprocess: it would get the token
        (
            "    subprocess.run(['node', 'export.js', '--hapikey', args.api_key])\n",
            False,
        ),
        # a second parser with its own default: which one is not known
        (
            "def other(argv=None):\n    parser = argparse.ArgumentParser()\n"
            "    parser.add_argument('--api-key', default=os.environ.get('HAPIKEY'))\n"
            "    args = parser.parse_args(argv)\n    Client(args.api_key).owners()\n",
            False,
        ),
    ],
    ids=["alone", "tested", "subprocess", "two_parsers"],
)
def test_an_option_defaulting_to_the_key_across_modules(tmp_path, extra, migrated):

    (tmp_path / "client.py").write_text(CLIENT)
    (tmp_path / "cli.py").write_text(ARGPARSE_CLI + extra)
    paths = [str(tmp_path / "cli.py"), str(tmp_path / "client.py")]
    results = list(run.results(paths, RunOptions(providers.resolve(None)), jobs=1))
    if migrated:
        assert "HUBSPOT_ACCESS_TOKEN" in results[0].new.decode()
        assert results[1].new is not None
    else:
        assert [r.new for r in results] == [None, None]


BASE_CLIENT = (
    "import os, requests\n"
    "class ApiClient:\n    base_url = 'https://api.hubapi.com'\n"
    "    def __init__(self, base_url=None):\n"
    "        if base_url:\n            self.base_url = base_url\n"
    "        self.key = os.environ['HUBSPOT_API_KEY']\n"
    "    def owners(self):\n"
    "        return requests.get(self.base_url + '/crm/v3/owners', params={'hapikey': self.key})\n"
)


@pytest.mark.parametrize(
    "extra,migrated",
    [
        ("", True),
        # a subclass sends to a mirror
        (
            "class Mirror(ApiClient):\n    base_url = 'https://crm-mirror.internal.example'\n",
            False,
        ),
        # a caller gives the constructor another host
        ("mirror = ApiClient('https://crm-mirror.internal.example')\n", False),
        # or one known only at run time
        ("def make(url):\n    return ApiClient(url)\n", False),
    ],
    ids=["alone", "subclass", "constructor", "run_time"],
)
def test_a_base_url_attribute_another_class_or_caller_changes_is_checked(
    extra, migrated
):
    """self.base_url + path: the host is every value the attribute gets in the
    module, not only the class's own (the mirror got the token)."""
    result = migrate(BASE_CLIENT + extra)
    assert (result.new is not None) == migrated


THIRD_REVIEW = {
    # the caller's key, else the configured one: the default is the token now
    # (the header was rebuilt from the original text, keeping the old key)
    "inline_fallback": (
        "def contacts(api_key=None):\n"
        "    return requests.get(URL, params={'hapikey': api_key or os.environ['HUBSPOT_API_KEY']})\n",
        Status.REWRITE,
        '(api_key or os.environ["HUBSPOT_ACCESS_TOKEN"])',
    ),
    # one name given a second portal's key at run time
    "rebound_global": (
        "KEY = os.environ['HUBSPOT_API_KEY']\n"
        "def use_sandbox():\n    global KEY\n    KEY = os.environ['HUBSPOT_SANDBOX_KEY']\n"
        "def get(path):\n    return requests.get(URL, params={'hapikey': KEY})\n",
        Status.MANUAL,
        "several keys",
    ),
    # a caller's-credential function handed to a thread: what it passes is not seen
    "function_as_value": (
        "import threading\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def deals(key):\n    return requests.get(URL, params={'hapikey': key})\n"
        "def run():\n    threading.Thread(target=deals, args=(KEY,)).start()\n",
        Status.MANUAL,
        "used as a value",
    ),
    # an httpx client built with the key, also posting to Slack
    "client_other_host": (
        "import httpx\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "client = httpx.Client(base_url='https://api.hubapi.com', params={'hapikey': KEY})\n"
        "def owners():\n    return client.get('/crm/v3/owners')\n"
        "def alert(text):\n    return client.post('https://hooks.slack.com/x', json={'text': text})\n",
        Status.MANUAL,
        "hooks.slack.com",
    ),
}


@pytest.mark.parametrize("name", sorted(THIRD_REVIEW))
def test_shapes_of_the_third_review(name):
    body, status, expected = THIRD_REVIEW[name]
    source = (
        "import os, requests\nURL = 'https://api.hubapi.com/crm/v3/owners'\n" + body
    )
    result = migrate(source)
    (site,) = [s for s in result.sites if s.kind.value in ("params", "session")]
    assert site.status == status
    if status == Status.REWRITE:
        assert expected in result.new.decode()
    else:
        assert result.new is None and expected in site.reason


@pytest.mark.parametrize(
    "body",
    [  # the caller's key also posted to an exporter
        "def sync(key):\n    requests.get(URL, params={'hapikey': key})\n"
        "    requests.post('https://exporter.example.com/run', json={'hubspot_key': key})\n"
        "def run():\n    sync(os.environ['HUBSPOT_API_KEY'])\n",
        # stored on the instance and read by another method for another host
        "class C:\n    def __init__(self, api_key=None):\n"
        "        self.api_key = api_key or os.environ.get('HUBSPOT_API_KEY')\n"
        "    def owners(self):\n        return requests.get(URL, params={'hapikey': self.api_key})\n"
        "    def export(self):\n"
        "        return requests.post('https://exporter.example.com', json={'k': self.api_key})\n",
    ],
    ids=["parameter", "attribute"],
)
def test_a_callers_key_read_for_something_else_stays(body):
    """Once callers pass a token, every read of the parameter gets it: a read
    that does not send the key to HubSpot would send the token elsewhere."""
    source = (
        "import os, requests\nURL = 'https://api.hubapi.com/crm/v3/owners'\n" + body
    )
    result = migrate(source)
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "also read at line" in site.reason


@pytest.mark.parametrize(
    "body",
    [  # click's default= read from the key's variable: not made the token
        "import click\ndef contacts(api_key):\n"
        "    return requests.get(URL, params={'hapikey': api_key})\n"
        "@click.command()\n@click.option('--api-key', default=os.getenv('HUBSPOT_API_KEY'))\n"
        "def main(api_key):\n    contacts(api_key)\n",
        # the parsed options passed whole: --api-key's default stays the key
        "import argparse\ndef deals(opts):\n"
        "    return requests.get(URL, params={'hapikey': opts.api_key})\n"
        "def main():\n    p = argparse.ArgumentParser()\n"
        "    p.add_argument('--api-key', default=os.environ.get('HUBSPOT_API_KEY'))\n"
        "    deals(p.parse_args())\n",
    ],
    ids=["click_default", "namespace"],
)
def test_an_options_default_that_stays_the_key_keeps_the_use_manual(body):
    source = (
        "import os, requests\nURL = 'https://api.hubapi.com/crm/v3/owners'\n" + body
    )
    result = migrate(source)
    assert result.new is None
    assert Status.MANUAL in {s.status for s in result.sites}


def test_other_fields_of_a_callers_mapping_are_not_other_reads_of_the_key():
    """request["headers"].get(...) or the configured key, and request["args"]
    read for the contact's id: the mapping's other fields are not the key."""
    source = (
        "import requests\nimport config\n"
        "def proxy(request):\n"
        "    key = request['headers'].get('X-HubSpot-Key') or config.HUBSPOT_API_KEY\n"
        "    vid = int(request['args']['vid'])\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/contact/vid/%d/profile'"
        " % vid, params={'hapikey': key})\n"
    )
    text = migrate(source).new.decode()
    assert 'or os.environ["HUBSPOT_ACCESS_TOKEN"]' in text
    assert '"Bearer " + key' in text


FOURTH_REVIEW = {
    # the host is a loop variable over hosts, one of them not HubSpot's
    "loop_over_hosts": (
        "def push(event):\n    for base in ('https://api.hubapi.com/crm/v3/objects/notes',"
        " 'https://audit.example.com/log'):\n"
        "        requests.post(base + '?hapikey=' + KEY, json=event)\n"
    ),
    # branches choose a proxy or HubSpot
    "branches": (
        "def deals():\n    if SANDBOX:\n        base = 'https://proxy.corp.example.com'\n"
        "    else:\n        base = 'https://api.hubapi.com'\n"
        "    return requests.get(f'{base}/crm/v3/objects/deals', params={'hapikey': KEY})\n"
    ),
    # a region table with a local test server
    "region_table": (
        "REGIONS = {'us': 'https://api.hubapi.com', 'test': 'http://localhost:8080'}\n"
        "def deals(region):\n    base = REGIONS[region]\n"
        "    return requests.get(f'{base}/crm/v3/objects/deals', params={'hapikey': KEY})\n"
    ),
    # a sandbox key as the fallback of the production one: two portals
    "fallback_key": (
        "KEY2 = os.environ.get('HUBSPOT_API_KEY') or os.environ['HUBSPOT_SANDBOX_KEY']\n"
        "def deals():\n    return requests.get('https://api.hubapi.com/crm/v3/objects/deals',"
        " params={'hapikey': KEY2})\n"
    ),
    # the program sets the key's variable itself
    "sets_its_variable": (
        "os.environ.setdefault('HUBSPOT_API_KEY', 'demo')\n"
        "def deals():\n    return requests.get('https://api.hubapi.com/crm/v3/objects/deals',"
        " params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n"
    ),
}


@pytest.mark.parametrize("name", sorted(FOURTH_REVIEW))
def test_shapes_of_the_fourth_review_stay_manual(name):
    source = (
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "SANDBOX = os.environ.get('SANDBOX')\n" + FOURTH_REVIEW[name]
    )
    result = migrate(source)
    assert result.new is None
    assert Status.MANUAL in {
        s.status for s in result.sites if s.kind.value in ("url", "params")
    }


def test_a_task_whose_callers_are_a_schedule_stays_manual(tmp_path):
    """A review: @app.task sync_deals(api_key), called by a beat schedule naming
    it by string with the configured key: it sent the old key as a token."""
    (tmp_path / "tasks.py").write_text(
        "import requests\nfrom celery_app import app\n"
        "@app.task\ndef sync_deals(api_key):\n"
        "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
        " params={'hapikey': api_key})\n"
    )
    (tmp_path / "celery_app.py").write_text(
        "import os\nfrom celery import Celery\napp = Celery('deals')\n"
        "app.conf.beat_schedule = {'deals': {'task': 'tasks.sync_deals',"
        " 'schedule': 300.0, 'args': (os.environ['HUBSPOT_API_KEY'],)}}\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "celery_app.py:4" in site.reason


def test_a_django_commands_option_defaulting_to_the_key_keeps_handle_manual():
    """A review: handle(**options) sent options["api_key"] as a token while
    --api-key still defaulted to the old key (Django calls handle, unseen)."""
    source = (
        "import os, requests\nfrom django.core.management.base import BaseCommand\n"
        "class Command(BaseCommand):\n    def add_arguments(self, parser):\n"
        "        parser.add_argument('--api-key', default=os.environ['HUBSPOT_API_KEY'])\n"
        "    def handle(self, *args, **options):\n"
        "        requests.get('https://api.hubapi.com/crm/v3/objects/contacts',"
        " params={'hapikey': options['api_key']})\n"
    )
    result = migrate(source)
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "--api-key" in site.reason


CALLERS_SESSIONS = {
    "or_default": (
        "def owners(session=None):\n    session = session or requests.Session()\n"
        "    session.params = {'hapikey': KEY}\n"
        "    return session.get('https://api.hubapi.com/crm/v3/owners').json()\n"
    ),
    "parameter": (
        "def owners(s):\n    s.params['hapikey'] = KEY\n"
        "    return s.get('https://api.hubapi.com/crm/v3/owners').json()\n"
    ),
    "attribute": (
        "class Client:\n    def __init__(self, session=None):\n"
        "        self.session = session if session is not None else requests.Session()\n"
        "        self.session.params = {'hapikey': KEY}\n"
        "    def owners(self):\n"
        "        return self.session.get('https://api.hubapi.com/crm/v3/owners').json()\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CALLERS_SESSIONS))
def test_a_session_the_caller_may_supply_is_not_given_the_header(name):
    """A review: ``session = session or requests.Session()`` then the key in its
    params became ``session.headers["Authorization"] = ...`` on the caller's
    session, replacing its own Authorization for all its other requests."""
    source = "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    result = migrate(source + CALLERS_SESSIONS[name])
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value in ("session", "params")]
    assert site.status == Status.MANUAL and "caller's own session" in site.reason


def test_a_request_on_the_callers_session_takes_the_header_for_itself():
    """Per request, the header goes with that request only: migrated."""
    source = (
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def deals(session=None):\n    s = session or requests.Session()\n"
        "    return s.get('https://api.hubapi.com/crm/v3/objects/deals',"
        " params={'hapikey': KEY}).json()\n"
    )
    result = migrate(source)
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert 'headers={"Authorization"' in result.new.decode()


SESSION_CLASS = (
    "import requests\n\n"
    "class HubSession(requests.Session):\n    def __init__(self, key):\n"
    "        super().__init__()\n        self.params['hapikey'] = key\n\n"
    "class Client:\n    def __init__(self, key):\n"
    "        self.session = requests.Session()\n"
    "        self.session.params = {'hapikey': key}\n"
    "    def owners(self):\n"
    "        return self.session.get('https://api.hubapi.com/crm/v3/owners').json()\n"
)
USES = {
    "subclass_to_slack": "s = HubSession(os.environ['HUBSPOT_API_KEY'])\n"
    "s.get('https://hooks.slack.com/x')\n",
    "attribute_to_slack": "c = Client(os.environ['HUBSPOT_API_KEY'])\n"
    "c.session.post('https://hooks.slack.com/y', json={})\n",
    "subclass_passed_on": "s = HubSession(os.environ['HUBSPOT_API_KEY'])\n"
    "notify(s)\n",
    "not_bound": "notify(HubSession(os.environ['HUBSPOT_API_KEY']))\n",
}


@pytest.mark.parametrize("name", sorted(USES))
def test_instances_of_a_session_class_sending_elsewhere_keep_it_manual(name, tmp_path):
    """A review: a Session subclass whose __init__ sets the key's params (or a
    client's self.session) got the header, and instances made in another
    module fetched Slack with it. Both modules stay as they are."""

    (tmp_path / "sessions.py").write_text(SESSION_CLASS)
    (tmp_path / "main.py").write_text(
        "import os\nfrom sessions import HubSession, Client\n"
        "def notify(x):\n    pass\n" + USES[name]
    )
    results = tree_results(tmp_path)
    target = "Client" if name.startswith("attribute") else "HubSession"
    by_name = {r.path.rsplit("/", 1)[1]: r for r in results}
    assert not by_name["main.py"].changed
    line = 6 if target == "HubSession" else 11  # the key's site in sessions.py
    (site,) = [s for s in by_name["sessions.py"].sites if s.line == line]
    assert site.status == Status.MANUAL
    assert f"{target}()" in site.reason and "other (or unknown) hosts" in site.reason
    new = (by_name["sessions.py"].new or b"").decode()
    assert (
        "self.headers" not in new
        if target == "HubSession"
        else "self.session.headers" not in new
    )


def test_instances_of_a_session_class_that_stay_on_hubspot_migrate(tmp_path):

    (tmp_path / "sessions.py").write_text(SESSION_CLASS)
    (tmp_path / "main.py").write_text(
        "import os\nfrom sessions import HubSession, Client\n"
        "s = HubSession(os.environ['HUBSPOT_API_KEY'])\n"
        "s.get('https://api.hubapi.com/crm/v3/owners')\n"
        "c = Client(os.environ['HUBSPOT_API_KEY'])\nc.owners()\n"
    )
    results = tree_results(tmp_path)
    assert {s.status for r in results for s in r.sites} == {Status.REWRITE}
    main = next(r for r in results if r.path.endswith("main.py")).new.decode()
    assert main.count("HUBSPOT_ACCESS_TOKEN") == 2


def test_instances_of_a_session_class_in_its_own_module_are_checked():
    result = migrate(
        "import os\n" + SESSION_CLASS + "c = Client(os.environ['HUBSPOT_API_KEY'])\n"
        "c.session.get('https://hooks.slack.com/y')\n"
    )
    assert "self.session.headers" not in result.new.decode()  # HubSession's did
    (site,) = [s for s in result.sites if "Client" in s.reason]
    assert site.status == Status.MANUAL and site.line == 12
    assert "instances of Client" in site.reason and "line 16" in site.reason


APPENDED_AFTER_THE_KEY = {
    "fstring": "    return requests.get(f'{url}&count={count}')\n",
    "format": "    return requests.get('{}&count={}'.format(url, count))\n",
    "format_named": "    return requests.get('{u}&count={n}'.format(n=count, u=url))\n",
    "concatenated": "    return requests.get(url + '&count=' + str(count))\n",
}


@pytest.mark.parametrize("name", sorted(APPENDED_AFTER_THE_KEY))
def test_text_added_after_a_key_only_query_keeps_the_path(name, monkeypatch):
    """A review: ``url = ...recent?hapikey=KEY`` then ``f"{url}&count={n}"``: the
    ``?`` went with the key and the request went to ``.../recent&count=5``."""
    import sys
    import types
    from urllib.parse import parse_qs, urlsplit

    source = (
        "import os, requests\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
        "def recent(count):\n"
        "    url = 'https://api.hubapi.com/contacts/v1/lists/recently_updated/"
        "contacts/recent?hapikey=' + API_KEY\n" + APPENDED_AFTER_THE_KEY[name]
    )
    result = migrate(source)
    assert result.new is not None
    sent = []
    fake = types.ModuleType("requests")
    fake.get = lambda url, **kw: sent.append((url, kw.get("headers") or {}))
    monkeypatch.setitem(sys.modules, "requests", fake)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "pat-1")
    monkeypatch.delenv("HUBSPOT_API_KEY", raising=False)
    namespace: dict = {}
    exec(result.new.decode(), namespace)
    namespace["recent"](5)
    [(url, headers)] = sent
    parts = urlsplit(url)
    assert parts.path == "/contacts/v1/lists/recently_updated/contacts/recent"
    assert parse_qs(parts.query) == {"count": ["5"]}
    assert headers == {"Authorization": "Bearer pat-1"}


@pytest.mark.parametrize(
    "template, expected",
    [
        ("'{}'.format(url)", False),
        ("'{0}'.format(url)", False),
        ("'{}{}'.format(url, x)", True),
        ("'{0}&a={0}'.format(url)", True),
        ("'{u!s}'.format(u=url)", True),
        ("'{}&n'.format(url)", True),
    ],
)
def test_what_follows_a_format_field_is_told(template, expected):
    import libcst as cst

    from hapimigrate.analysis.flow import _followed_in_format

    call = cst.parse_expression(template)
    arg = next(
        a
        for a in call.args
        if (a.keyword and a.keyword.value == "u")
        or (isinstance(a.value, cst.Name) and a.value.value == "url")
    )
    assert _followed_in_format(call, arg) is expected


ATTRIBUTE_VALUES = {
    # a caller's other host through `base_url or DEFAULT`
    "base_or_default": (
        "class HubSpotClient:\n    def __init__(self, base_url=None):\n"
        "        self.api_key = KEY\n"
        "        self.base_url = base_url or 'https://api.hubapi.com'\n"
        "    def owners(self):\n        return requests.get(self.base_url + "
        "'/owners/v2/owners', params={'hapikey': self.api_key})\n"
        "def local_mirror():\n    return HubSpotClient('http://localhost:8080').owners()\n",
        "localhost",
    ),
    # an instance's key set from outside its class: a tenant's key
    "instance_attribute": (
        "class Client:\n    def __init__(self):\n        self.api_key = KEY\n"
        "    def owners(self):\n        return requests.get('https://api.hubapi.com/"
        "owners/v2/owners', params={'hapikey': self.api_key})\n"
        "def for_tenant(tenant):\n    c = Client()\n"
        "    c.api_key = tenant['hubspot_key']\n    return c.owners()\n",
        "c.api_key, set at line",
    ),
    # a dataclass field: the class-body value is only the default
    "dataclass_field": (
        "from dataclasses import dataclass\n@dataclass\nclass Hub:\n"
        "    api_key: str = KEY\n    def owners(self):\n"
        "        return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': self.api_key})\n",
        "a field of Hub",
    ),
    "attrs_field": (
        "import attr\n@attr.s\nclass Hub:\n    api_key = attr.ib(default=KEY)\n"
        "    def owners(self):\n"
        "        return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': self.api_key})\n",
        "a field of Hub",
    ),
}


@pytest.mark.parametrize("name", sorted(ATTRIBUTE_VALUES))
def test_other_values_of_an_attribute_keep_the_request_manual(name):
    """A review: ``self.base_url = base_url or DEFAULT`` given a mirror by a
    caller, ``c.api_key = tenant_key`` on an instance, and dataclass / attrs
    fields given by the constructor's callers were all taken as the class's
    own fixed values: the token went to the mirror, or replaced the tenant's."""
    source, reason = ATTRIBUTE_VALUES[name]
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n" + source
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and reason in site.reason


def test_an_instance_attribute_set_in_another_module_keeps_the_class_manual(tmp_path):

    (tmp_path / "client.py").write_text(
        "import os, requests\nclass Client:\n    def __init__(self):\n"
        "        self.api_key = os.environ.get('HUBSPOT_API_KEY')\n"
        "    def owners(self):\n        return requests.get('https://api.hubapi.com/"
        "owners/v2/owners', params={'hapikey': self.api_key})\n"
    )
    (tmp_path / "tenants.py").write_text(
        "from client import Client\ndef for_tenant(tenant):\n    c = Client()\n"
        "    c.api_key = tenant['hubspot_key']\n    return c.owners()\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "set one on its instances" in site.reason


SECOND_KEY_BEHIND_A_NAME = {
    "or_a_name": (
        "SANDBOX_KEY = os.getenv('HUBSPOT_SANDBOX_KEY')\n"
        "KEY2 = os.getenv('HUBSPOT_API_KEY') or SANDBOX_KEY\n",
        "KEY2",
    ),
    "default_a_name": (
        "SANDBOX_KEY = os.getenv('HUBSPOT_SANDBOX_KEY')\n"
        "KEY2 = os.getenv('HUBSPOT_API_KEY', SANDBOX_KEY)\n",
        "KEY2",
    ),
    "function_choosing": (
        "DEBUG = os.getenv('DEBUG') == '1'\nPROD = os.environ.get('HUBSPOT_API_KEY')\n"
        "TEST = os.environ.get('HUBSPOT_TEST_PORTAL_KEY')\n"
        "def key():\n    return TEST if DEBUG else PROD\n",
        "key()",
    ),
    "function_branches": (
        "def key():\n    if os.environ.get('APP_ENV') == 'staging':\n"
        "        return os.environ['HUBSPOT_STAGING_KEY']\n"
        "    return os.environ['HUBSPOT_API_KEY']\n",
        "key()",
    ),
}


@pytest.mark.parametrize("name", sorted(SECOND_KEY_BEHIND_A_NAME))
def test_a_second_portals_key_behind_a_name_or_function_stays_manual(name):
    """A review: the sandbox/test portal's key reached the request through a
    name or a function choosing it; one token replaced both (debug runs then
    wrote to the production portal)."""
    definitions, value = SECOND_KEY_BEHIND_A_NAME[name]
    result = migrate(
        "import os, requests\n" + definitions + "def owners():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners',"
        f" params={{'hapikey': {value}}})\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "several keys" in site.reason


def test_one_variable_through_a_function_and_strip_still_migrates():
    result = migrate(
        "import os, requests\nKEY = os.environ.get('HUBSPOT_API_KEY', '').strip()\n"
        "def hs_key():\n    return KEY\n"
        "def owners():\n    return requests.get('https://api.hubapi.com/crm/v3/owners',"
        " params={'hapikey': hs_key()})\n"
    )
    assert [s.status for s in result.sites if s.kind.value == "params"] == [
        Status.REWRITE
    ]


SUBCLASS_CALLERS = (
    "import os, requests\nclass Base:\n    def __init__(self, api_key):\n"
    "        self.api_key = api_key\n    def owners(self):\n"
    "        return requests.get('https://api.hubapi.com/crm/v3/owners',"
    " params={'hapikey': self.api_key})\n"
)


def test_super_init_passing_keys_are_callers_of_the_base_init():
    """A review: Prod/Sandbox pass their keys with super().__init__(...): the
    base sent 'the caller's token' while they kept passing the old keys (a
    KeyError, or the old key sent as a Bearer token). Two portals: manual."""
    source = SUBCLASS_CALLERS + (
        "class Prod(Base):\n    def __init__(self):\n"
        "        super().__init__(os.environ['HUBSPOT_API_KEY'])\n"
        "class Sandbox(Base):\n    def __init__(self):\n"
        "        super(Sandbox, self).__init__(os.environ['HUBSPOT_SANDBOX_API_KEY'])\n"
    )
    result = migrate(source)
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "several keys" in site.reason


def test_a_subclass_handing_on_or_inheriting_the_init_gets_the_token(monkeypatch):
    import sys
    import types

    source = SUBCLASS_CALLERS + (
        "class Prod(Base):\n    def __init__(self):\n"
        "        super().__init__(os.environ['HUBSPOT_API_KEY'])\n"
        "class Plain(Base):\n    pass\n"
        "def main():\n    Prod().owners()\n"
        "    Plain(os.environ['HUBSPOT_API_KEY']).owners()\n"
    )
    result = migrate(source)
    assert [s.status for s in result.sites if s.kind.value == "params"] == [
        Status.REWRITE
    ]
    sent = []
    fake = types.ModuleType("requests")
    fake.get = lambda url, **kw: sent.append(kw)
    monkeypatch.setitem(sys.modules, "requests", fake)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "pat-1")
    monkeypatch.delenv("HUBSPOT_API_KEY", raising=False)
    namespace: dict = {}
    exec(result.new.decode(), namespace)
    namespace["main"]()
    assert sent == [{"headers": {"Authorization": "Bearer pat-1"}}] * 2


def test_a_class_handing_its_session_out_stays_manual():
    """A review: __enter__ returned self.s, whose params held the key; `with
    Hub() as s: s.post(slack)` then sent the token to Slack."""
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "class Hub:\n    def __enter__(self):\n        self.s = requests.Session()\n"
        "        self.s.params.update({'hapikey': KEY})\n        return self.s\n"
        "    def __exit__(self, *a):\n        self.s.close()\n"
        "def slack():\n    with Hub() as s:\n"
        "        return s.post('https://hooks.slack.com/x', json={})\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.status == Status.MANUAL]
    assert "__enter__() returns self.s" in site.reason


def test_another_modules_session_given_the_key_here_is_not_half_rewritten(tmp_path):
    """A review: tenants.py's hub.s.params["hapikey"] = key became a header while
    hub.py's session kept the main key: requests then carried both."""

    (tmp_path / "hub.py").write_text(
        "import os, requests\ns = requests.Session()\n"
        "s.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
        "def owners():\n    return s.get('https://api.hubapi.com/crm/v3/owners')\n"
    )
    (tmp_path / "tenants.py").write_text(
        "import hub\ndef for_tenant(key):\n    hub.s.params['hapikey'] = key\n"
        "    return hub.owners()\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    tenants = next(r for r in results if r.path.endswith("tenants.py"))
    assert {s.status for s in tenants.sites} == {Status.MANUAL}
    assert any("another module's session" in s.reason for s in tenants.sites)


URL_TABLES = {
    "comprehension": (
        "URLS = ['https://api.hubapi.com/crm/v3/owners', 'https://hooks.slack.com/x']\n"
        "def snapshot():\n    return [requests.get(url, params={'hapikey': KEY})"
        " for url in URLS]\n",
        "hooks.slack.com",
    ),
    "dict_items": (
        "URLS = {'owners': 'https://api.hubapi.com/crm/v3/owners',"
        " 'slack': 'https://hooks.slack.com/x'}\n"
        "def snapshot():\n    for name, url in URLS.items():\n"
        "        requests.get(url, params={'hapikey': KEY})\n",
        "hooks.slack.com",
    ),
    "third_party_page_under_hubspot_com": (
        "def status():\n    return requests.get('https://status.hubspot.com/api/v2/"
        "status.json', params={'hapikey': KEY})\n",
        "status.hubspot.com",
    ),
}


@pytest.mark.parametrize("name", sorted(URL_TABLES))
def test_requests_over_tables_of_urls_check_every_host(name):
    """A review: a loop over a module's table of URLs (a comprehension,
    ``for name, url in URLS.items()``) sent the token to Slack; and
    status.hubspot.com (a third party's status page) counted as HubSpot's."""
    source, host = URL_TABLES[name]
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n" + source
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and host in site.reason


def test_a_table_of_hubspot_api_urls_still_migrates():
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "URLS = ['https://api.hubapi.com/crm/v3/owners', 'https://api-eu1.hubapi.com/crm/v3/owners']\n"
        "def snapshot():\n    return [requests.get(u, params={'hapikey': KEY}) for u in URLS]\n"
    )
    assert [s.status for s in result.sites if s.kind.value == "params"] == [
        Status.REWRITE
    ]


def test_a_class_setting_its_attributes_by_name_keeps_the_key_manual():
    """A review: __init__(self, **cfg) with setattr(self, name, value), and
    Client(key=tenant_key): the tenant's calls went to the app's portal."""
    result = migrate(
        "import os, requests\nclass Client:\n    key = os.environ.get('HUBSPOT_API_KEY')\n"
        "    def __init__(self, **cfg):\n        for name, value in cfg.items():\n"
        "            setattr(self, name, value)\n"
        "    def owners(self):\n        return requests.get('https://api.hubapi.com/"
        "crm/v3/owners', params={'hapikey': self.key})\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "sets attributes by name" in site.reason


@pytest.mark.parametrize(
    "made, replaced",
    [
        (
            "urllib.request.Request(URL + '?hapikey=' + KEY)",
            "req.headers = {'Accept': 'application/json'}",
        ),
        ("urllib.request.Request(URL + '?hapikey=' + KEY)", "req.headers.clear()"),
        (
            "requests.Request('GET', URL, params={'hapikey': KEY})",
            "req.headers = {'Accept': 'application/json'}",
        ),
    ],
)
def test_a_request_object_whose_headers_are_replaced_after_keeps_the_key(
    made, replaced
):
    """A review: the header went into Request(...) and the next line replaced
    the object's headers: the request went out with no credential (401)."""
    result = migrate(
        "import os, requests, urllib.request\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "URL = 'https://api.hubapi.com/crm/v3/owners'\n"
        f"def get():\n    req = {made}\n    {replaced}\n    return req\n"
    )
    assert result.new is None
    assert any(
        "replaced" in s.reason for s in result.sites if s.status == Status.MANUAL
    )


def test_a_caller_leaving_the_key_at_none_keeps_the_request_manual():
    """A review: Client() with api_key=None sent no key (requests drops None);
    migrated, "Bearer " + None raised TypeError."""
    result = migrate(
        "import requests\nclass Client:\n    def __init__(self, api_key=None):\n"
        "        self.api_key = api_key\n    def owners(self):\n"
        "        return requests.get('https://api.hubapi.com/crm/v3/owners',"
        " params={'hapikey': self.api_key})\n"
        "def anonymous():\n    return Client().owners()\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "default None" in site.reason


BASE_URL_SHAPES = {
    "property_overridden": (
        "class Base:\n    @property\n    def base_url(self):\n"
        "        return 'https://api.hubapi.com'\n"
        "    def owners(self):\n        return requests.get(self.base_url + "
        "'/crm/v3/owners', params={'hapikey': KEY})\n"
        "class Mirror(Base):\n    @property\n    def base_url(self):\n"
        "        return 'https://mirror.example.com'\n",
        "mirror.example.com",
    ),
    "or_default_stripped": (
        "class C:\n    def __init__(self, base_url=None):\n"
        "        self.base = (base_url or 'https://api.hubapi.com').rstrip('/')\n"
        "    def owners(self):\n        return requests.get(self.base + "
        "'/crm/v3/owners', params={'hapikey': KEY})\n"
        "def local():\n    return C('http://localhost:9000').owners()\n",
        "localhost",
    ),
    "built_from_parameters": (
        "class C:\n    def __init__(self, scheme='https', host='api.hubapi.com'):\n"
        "        self.root = '%s://%s' % (scheme, host)\n"
        "    def owners(self):\n        return requests.get(self.root + "
        "'/crm/v3/owners', params={'hapikey': KEY})\n",
        "a host known at run time",
    ),
}


@pytest.mark.parametrize("name", sorted(BASE_URL_SHAPES))
def test_base_urls_a_subclass_or_a_caller_may_change_keep_the_request_manual(name):
    """A review: a base_url property a subclass overrides, (base or
    DEFAULT).rstrip('/') given a mirror, and a root built from the
    constructor's parameters: the token went to the other host."""
    source, host = BASE_URL_SHAPES[name]
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n" + source
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and host in site.reason


@pytest.mark.parametrize(
    "url",
    [
        "'https://api.hubapi.com/crm/v3/owners?hapikey={0}&k={0}&limit={1}'.format(KEY, n)",
        "'https://api.hubapi.com/crm/v3/owners?hapikey={key}&k={key}'.format(key=KEY)",
        "'https://api.hubapi.com/crm/v3/owners?hapikey=%(k)s&x=%(k)s' % {'k': KEY}",
    ],
)
def test_a_key_argument_filling_two_fields_is_left_manual(url):
    """A review: '?hapikey={0}&k={0}&limit={1}'.format(KEY, n) became
    '?k={0}&limit={0}'.format(n): k and limit both got n."""
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        f"def owners(n):\n    return requests.get({url})\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "url"]
    assert site.status == Status.MANUAL and "another field" in site.reason


def test_a_module_calling_functions_by_name_keeps_them_manual(tmp_path):
    """A review: getattr(tasks, name)(KEY) in another module: sync_deals was
    migrated to take a token, and the runner kept passing the old key."""

    (tmp_path / "tasks.py").write_text(
        "import requests\ndef sync_deals(api_key):\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/objects/deals',"
        " params={'hapikey': api_key})\n"
    )
    (tmp_path / "runner.py").write_text(
        "import os, sys\nimport tasks\n"
        "def main():\n    getattr(tasks, sys.argv[1])(os.environ['HUBSPOT_API_KEY'])\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL


def test_a_click_option_declared_in_another_module_keeps_the_chain_manual(tmp_path):
    """A review: @api_key_option from opts.py (default=lambda: the old key's
    variable) filled main(api_key), which passed it to deals(), migrated to
    send it as a token: run without --api-key, the old key went as a token."""

    (tmp_path / "opts.py").write_text(
        "import os, click\napi_key_option = click.option('--api-key',"
        " default=lambda: os.environ.get('HUBSPOT_API_KEY'))\n"
    )
    (tmp_path / "hub.py").write_text(
        "import requests\ndef deals(api_key):\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/objects/deals',"
        " params={'hapikey': api_key})\n"
    )
    (tmp_path / "cli.py").write_text(
        "import click\nfrom opts import api_key_option\nfrom hub import deals\n"
        "@click.command()\n@api_key_option\ndef main(api_key):\n    deals(api_key)\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    reasons = [s.reason for r in results for s in r.sites]
    assert any("declared out of sight (@api_key_option)" in r for r in reasons)


def test_one_place_left_for_a_person_twice_is_one_site_with_both_reasons():
    from hapimigrate.model import Kind, Site
    from hapimigrate.python.module import _merged

    def site(reason, status=Status.MANUAL, column=5):
        return Site("a.py", 5, column, 5, 30, Kind.SESSION, status, reason)

    merged = _merged([site("first"), site("second"), site("other", column=9)])
    assert [(s.column, s.reason) for s in merged] == [
        (5, "first; also: second"),
        (9, "other"),
    ]
    (kept,) = _merged([site("", Status.REWRITE), site("why")])
    assert kept.status == Status.MANUAL and kept.reason == "why"


@pytest.mark.parametrize(
    "mutation",
    [
        "URLS['status'] = 'https://status.example.com/ping'\n",
        "URLS.update(status='https://status.example.com/ping')\n",
    ],
)
def test_a_table_of_urls_changed_after_it_is_made_keeps_its_request_manual(mutation):
    """A review: URLS[name] + "?hapikey=" + KEY with an entry added after the
    table's literal: the token went to the added host."""
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "URLS = {'contacts': 'https://api.hubapi.com/contacts/v1/lists/all/contacts/all'}\n"
        + mutation
        + "def fetch(name):\n    return requests.get(URLS[name] + '?hapikey=' + KEY)\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "url"]
    assert site.status == Status.MANUAL and "known at run time" in site.reason


def test_a_module_level_instance_of_a_session_class_used_elsewhere(tmp_path):
    """A review: hub = HubSpot() in client.py (its self.session given the key),
    other.py: hub.session.get("https://example.com/x") got the token."""

    (tmp_path / "client.py").write_text(
        "import os, requests\nclass HubSpot:\n    def __init__(self):\n"
        "        self.session = requests.Session()\n"
        "        self.session.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
        "    def owners(self):\n"
        "        return self.session.get('https://api.hubapi.com/crm/v3/owners')\n"
        "hub = HubSpot()\n"
    )
    (tmp_path / "other.py").write_text(
        "from client import hub\ndef run():\n    hub.session.get('https://example.com/x')\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)


NINTH_REVIEW = {
    # a table entry that is a name for another host
    "table_entry_name": (
        "SLACK_URL = 'https://hooks.slack.com/services/T/B/X'\n"
        "URLS = {'owners': 'https://api.hubapi.com/crm/v3/owners', 'alert': SLACK_URL}\n"
        "def fetch(name):\n    return requests.get(URLS[name], params={'hapikey': KEY})\n",
        "hooks.slack.com",
    ),
    # a table entry read from the environment
    "table_entry_env": (
        "URLS = {'owners': 'https://api.hubapi.com/crm/v3/owners',"
        " 'alert': os.environ['ALERT_URL']}\n"
        "def fetch(name):\n    return requests.get(URLS[name], params={'hapikey': KEY})\n",
        "known at run time",
    ),
    # a class's session handed on as a value
    "session_passed_on": (
        "def notify(session, text):\n"
        "    session.post('https://hooks.slack.com/x', json={'text': text})\n"
        "class HubSpot:\n    def __init__(self):\n        self.session = requests.Session()\n"
        "        self.session.params = {'hapikey': KEY}\n"
        "hs = HubSpot()\nnotify(hs.session, 'synced')\n",
        "instances of HubSpot",
    ),
    # a factory handing an instance out
    "instance_getter": (
        "class HubSpot:\n    def __init__(self):\n        self.session = requests.Session()\n"
        "        self.session.params = {'hapikey': KEY}\n"
        "_default = None\ndef default():\n    global _default\n"
        "    if _default is None:\n        _default = HubSpot()\n    return _default\n",
        "default() returns an instance",
    ),
}


@pytest.mark.parametrize("name", sorted(NINTH_REVIEW))
def test_shapes_of_the_ninth_review_stay_manual(name):
    source, reason = NINTH_REVIEW[name]
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n" + source
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value in ("params", "session")]
    assert site.status == Status.MANUAL and reason in site.reason


def test_a_key_also_read_inside_its_migrated_request_is_reported():
    """A review: json={"source": "sync-" + KEY[-4:]} in the migrated request:
    KEY stayed required and nothing said so."""
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def push(c):\n    return requests.post('https://api.hubapi.com/crm/v3/objects/"
        "contacts', params={'hapikey': KEY}, json={'p': c, 'source': 'sync-' + KEY[-4:]})\n"
    )
    assert any(
        s.kind.value == "setting" and s.status == Status.MANUAL for s in result.sites
    )


def test_a_url_with_user_information_is_sent_to_the_host_after_it():
    """A review: https://api.hubapi.com:443@evil.example/ was read as HubSpot's
    host; the request goes to evil.example."""
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def owners():\n    return requests.get('https://api.hubapi.com:443@evil.example"
        "/crm/v3/owners', params={'hapikey': KEY})\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "evil.example" in site.reason


@pytest.mark.parametrize(
    "write",
    [
        "    config.HUBSPOT_KEY = sys.argv[1]\n",
        "    setattr(config, 'HUBSPOT_KEY', sys.argv[1])\n",
    ],
)
def test_a_settings_attribute_another_module_sets_keeps_its_readers_manual(
    write, tmp_path
):
    """A review: cli.py set config.HUBSPOT_KEY from the command line; client.py,
    reading it, was migrated to the one token: every run's key was replaced."""

    (tmp_path / "config.py").write_text(
        "import os\nHUBSPOT_KEY = os.environ['HUBSPOT_API_KEY']\n"
    )
    (tmp_path / "client.py").write_text(
        "import requests\nimport config\ndef contacts():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners',"
        " params={'hapikey': config.HUBSPOT_KEY})\n"
    )
    (tmp_path / "cli.py").write_text(
        "import sys\nimport config\nimport client\ndef main():\n"
        + write
        + "    client.contacts()\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "cli.py:5 sets HUBSPOT_KEY" in site.reason


URLOPEN_FALLBACK = (
    "import os\n"
    "try:\n"
    "    from urllib2 import {names}  # Python 2\n"
    "except ImportError:  # Python 3\n"
    "    from urllib.request import {names}\n"
    "KEY = os.environ.get('HUBSPOT_API_KEY')\n"
    "def owners():\n"
    "    return urlopen('https://api.hubapi.com/crm/v3/owners?hapikey=' + KEY)\n"
)


def test_urlopen_imported_by_a_fallback_uses_the_request_imported_beside_it(
    monkeypatch,
):
    """A blind corpus: the wrapped urlopen got an unconditional `from urllib2
    import Request as _Request` above the fallback: no import on Python 3."""
    import urllib.request

    after = migrated_text(URLOPEN_FALLBACK.format(names="Request, urlopen"))
    assert "urllib2 import Request as" not in after and "Request(" in after
    sent = []
    monkeypatch.setattr(urllib.request, "urlopen", lambda r: sent.append(r) or r)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "tok")
    module: dict = {}
    exec(compile(after, "client.py", "exec"), module)  # Python 3: the except branch
    (request,) = [module["owners"]()]
    assert sent == [request]
    assert request.full_url == "https://api.hubapi.com/crm/v3/owners"
    assert request.get_header("Authorization") == "Bearer tok"


def test_urlopen_imported_by_a_fallback_without_request_is_left():
    result = migrate(URLOPEN_FALLBACK.format(names="urlopen"))
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "url"]
    assert site.status == Status.MANUAL and "import fallback" in site.reason


def test_two_modules_reading_two_portals_keys_under_one_name_stay(tmp_path):
    """A review: client.py and sandbox.py each read their own variable into
    KEY; both became the one token (sandbox writes landed in production)."""
    for name, variable in (
        ("client", "HUBSPOT_API_KEY"),
        ("sandbox", "HUBSPOT_SANDBOX_API_KEY"),
    ):
        (tmp_path / f"{name}.py").write_text(
            f"import os, requests\nKEY = os.environ['{variable}']\n"
            "def owners():\n    return requests.get("
            "'https://api.hubapi.com/crm/v3/owners', params={'hapikey': KEY})\n"
        )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    reasons = [s.reason for r in results for s in r.sites if s.kind.value == "params"]
    assert len(reasons) == 2
    assert all("HUBSPOT_API_KEY, HUBSPOT_SANDBOX_API_KEY" in r for r in reasons)


def test_a_key_imported_from_one_of_two_modules_by_branch_stays(tmp_path):
    """A review: `if SANDBOX: from sandbox import KEY else: from prod import
    KEY` became the one token (the sandbox run hit production)."""
    (tmp_path / "prod.py").write_text(
        "import os\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    )
    (tmp_path / "sandbox.py").write_text(
        "import os\nKEY = os.environ['HUBSPOT_SANDBOX_API_KEY']\n"
    )
    (tmp_path / "client.py").write_text(
        "import os, requests\nif os.environ.get('USE_SANDBOX'):\n"
        "    from sandbox import KEY\nelse:\n    from prod import KEY\n"
        "def owners():\n    return requests.get("
        "'https://api.hubapi.com/crm/v3/owners', params={'hapikey': KEY})\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "prod.KEY, sandbox.KEY" in site.reason


def test_an_instance_key_attribute_read_in_another_module_keeps_the_class(tmp_path):
    """A review: jobs.py posted `client.api_key` to an audit service; the class
    was migrated, so the audit service got the token."""
    (tmp_path / "client.py").write_text(
        "import os, requests\nclass HubSpotClient:\n"
        "    def __init__(self, api_key=None):\n"
        "        self.api_key = api_key or os.environ['HUBSPOT_API_KEY']\n"
        "    def owners(self):\n        return requests.get("
        "'https://api.hubapi.com/crm/v3/owners', params={'hapikey': self.api_key})\n"
    )
    (tmp_path / "jobs.py").write_text(
        "import requests\nfrom client import HubSpotClient\ndef run():\n"
        "    c = HubSpotClient()\n    c.owners()\n"
        "    requests.post('https://audit.example.com/e', json={'k': c.api_key})\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert "read HubSpotClient.api_key of its instances" in site.reason


@pytest.mark.parametrize(
    "helper, use",
    [
        (  # a URL built from the params, returned, and called here and elsewhere
            "import urllib.request, urllib.parse, constants\n"
            "def owners_url():\n    return 'https://api.hubapi.com/crm/v3/owners?'"
            " + urllib.parse.urlencode(constants.PARAMS)\n"
            "def owners():\n    return urllib.request.urlopen(owners_url()).read()\n",
            "import requests, helper\n"
            "def frame():\n    return requests.get(helper.owners_url()).json()\n",
        ),
        (  # params merged by a helper only other modules call
            "from constants import PARAMS\n"
            "def hs_params(**extra):\n    return {**PARAMS, **extra}\n",
            "import requests\nfrom helper import hs_params\ndef deals():\n"
            "    return requests.get('https://api.hubapi.com/crm/v3/objects/deals',"
            " params=hs_params(limit=5)).json()\n",
        ),
    ],
    ids=["called here too", "called elsewhere only"],
)
def test_a_carrier_returned_by_a_helper_other_modules_call_moves_with_them(
    tmp_path, helper, use
):
    """A review: constants.PARAMS was emptied while frames.py, which sent it
    through helper.owners_url(), was not given the header: credential lost."""
    (tmp_path / "constants.py").write_text(
        "import os\nPARAMS = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
    )
    (tmp_path / "helper.py").write_text(helper)
    (tmp_path / "use.py").write_text(use)
    results = {os.path.basename(r.path): r for r in tree_results(tmp_path)}
    assert all(
        s.status == Status.REWRITE
        for r in results.values()
        for s in r.sites
        if s.kind.value not in ("call", "version")
    )
    assert b"Bearer" in results["use.py"].new
    assert b"hapikey" not in results["constants.py"].new
    # one more module sending it to another host: everything stays
    (tmp_path / "slack.py").write_text(
        use.replace(
            "https://api.hubapi.com/crm/v3/objects/deals", "https://hooks.slack.com/x"
        )
        if "hs_params" in use
        else "import requests, helper\n"
        "def post():\n    return requests.post('https://hooks.slack.com/x?' + helper.owners_url())\n"
    )
    assert not any(r.changed for r in tree_results(tmp_path))


CONSTANTS_PARAMS = "import os\nPARAMS = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
SENDER = (
    "import requests\nfrom crm.constants import PARAMS\ndef contacts():\n"
    "    return requests.get('https://api.hubapi.com/crm/v3/objects/contacts',"
    " params=PARAMS)\n"
)


@pytest.mark.parametrize(
    "init, reader",
    [
        # the package exports it again under another name
        (
            "from .constants import PARAMS as HUBSPOT_PARAMS\n",
            "import pandas as pd\nfrom crm import HUBSPOT_PARAMS\n"
            "def frame():\n    return pd.read_json('https://api.hubapi.com/x', HUBSPOT_PARAMS)\n",
        ),
        # a module alias, and a dotted import
        (
            "",
            "import pandas as pd\nfrom crm import constants as c\n"
            "def frame():\n    return pd.read_json('https://api.hubapi.com/x', c.PARAMS)\n",
        ),
        (
            "",
            "import pandas as pd\nimport crm.constants\n"
            "def frame():\n    return pd.read_json('https://api.hubapi.com/x', "
            "crm.constants.PARAMS)\n",
        ),
    ],
    ids=["renamed export", "module alias", "dotted import"],
)
def test_a_carrier_read_under_another_name_is_a_use(tmp_path, init, reader):
    """A review: PARAMS was emptied while a module reading it as c.PARAMS,
    crm.constants.PARAMS or a name the package re-exports it as kept sending
    it (pandas here): the key was lost."""
    package = tmp_path / "crm"
    package.mkdir()
    (package / "__init__.py").write_text(init)
    (package / "constants.py").write_text(CONSTANTS_PARAMS)
    (package / "contacts.py").write_text(SENDER)
    (package / "frames.py").write_text(reader)
    paths = sorted(str(p) for p in package.iterdir())
    results = list(run.results(paths, RunOptions(providers.resolve(None)), jobs=1))
    assert not any(r.changed for r in results)


def test_a_notebook_reading_a_carrier_is_one_of_its_readers(tmp_path):
    """A review: a notebook sent constants.PARAMS; the constant was emptied
    and the notebook left as it was: its requests lost the key."""
    import json

    package = tmp_path / "crm"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "constants.py").write_text(CONSTANTS_PARAMS)
    (package / "contacts.py").write_text(SENDER)
    cells = [
        "from crm.constants import PARAMS\nimport pandas as pd\n",
        "pd.read_json('https://api.hubapi.com/x?' + str(PARAMS))\n",
    ]
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "source": c,
                "outputs": [],
                "execution_count": None,
            }
            for c in cells
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "explore.ipynb").write_text(json.dumps(notebook, indent=1) + "\n")
    paths = sorted(str(p) for p in package.iterdir()) + [
        str(tmp_path / "explore.ipynb")
    ]
    results = list(run.results(paths, RunOptions(providers.resolve(None)), jobs=1))
    assert not any(r.changed for r in results)
    assert any(
        s.status == Status.MANUAL
        for r in results
        if r.path.endswith(".ipynb")
        for s in r.sites
    )


def test_a_function_a_decorator_of_its_module_hands_the_key_stays():
    """A review: `@with_key def owners(api_key)`: the decorator passes the
    configured key; owners() was migrated to send it as a Bearer token."""
    result = migrate(
        "import os, functools, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "def with_key(fn):\n    @functools.wraps(fn)\n"
        "    def wrapper(*args, **kwargs):\n        return fn(KEY, *args, **kwargs)\n"
        "    return wrapper\n"
        "@with_key\ndef owners(api_key):\n    return requests.get("
        "'https://api.hubapi.com/crm/v3/owners', params={'hapikey': api_key})\n"
        "def run():\n    return owners()\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "wrapped by with_key" in site.reason


@pytest.mark.parametrize(
    "body, reason",
    [
        (
            "    r = requests.get(URL + '?hapikey=' + KEY)\n"
            "    if r.status_code == 429:\n        r = requests.get(r.url)\n",
            "requested again (line 9",
        ),
        (
            "    r = requests.get(URL, params={'hapikey': KEY},"
            " hooks={'response': retry})\n",
            "response hooks",
        ),
    ],
    ids=["retry of r.url", "response hooks"],
)
def test_a_request_sent_again_from_its_response_stays(body, reason):
    """A review: a retry re-requested `r.url`, which held the key; after the
    migration the retry had neither key nor token."""
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "URL = 'https://api.hubapi.com/crm/v3/owners'\n"
        "def retry(response, *a, **k):\n    return requests.get(response.url)\n"
        "def owners():\n" + body + "    return r.json()\n"
    )
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value in ("url", "params")]
    assert site.status == Status.MANUAL and reason in site.reason


def test_a_subclass_elsewhere_overriding_the_url_method_keeps_the_class(tmp_path):
    """A review: ProxiedClient (another module) overrides url(); Client's
    request was migrated and the proxy got the token."""
    (tmp_path / "base.py").write_text(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\nclass Client:\n"
        "    def url(self, path):\n        return 'https://api.hubapi.com' + path\n"
        "    def get(self, path):\n"
        "        return requests.get(self.url(path), params={'hapikey': KEY})\n"
    )
    (tmp_path / "proxied.py").write_text(
        "from base import Client\nclass ProxiedClient(Client):\n"
        "    def url(self, path):\n        return 'https://proxy.example.com' + path\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)


def test_a_caller_leaving_none_to_a_configured_fallback_is_migrated(monkeypatch):
    """`api_key or os.environ.get(...)`: a caller leaving api_key at None gets
    the configured default, which becomes the token (a blind corpus found it
    reported as 'no key was sent then', which was false)."""
    after = migrated_text(
        "import os, requests\nclass Client:\n    def __init__(self, api_key=None):\n"
        "        self.api_key = api_key or os.environ.get('HUBSPOT_API_KEY')\n"
        "    def owners(self):\n        return requests.get("
        "'https://api.hubapi.com/crm/v3/owners', params={'hapikey': self.api_key})\n"
        "def run():\n    return Client().owners()\n"
    )
    import requests

    sent = []
    monkeypatch.setattr(requests, "get", lambda url, **kw: sent.append((url, kw)))
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "tok")
    module: dict = {}
    exec(compile(after, "client.py", "exec"), module)
    module["run"]()
    module["Client"]("tok-tenant").owners()
    assert sent == [
        (
            "https://api.hubapi.com/crm/v3/owners",
            {"headers": {"Authorization": "Bearer tok"}},
        ),
        (
            "https://api.hubapi.com/crm/v3/owners",
            {"headers": {"Authorization": "Bearer tok-tenant"}},
        ),
    ]


@pytest.mark.parametrize(
    "listed",
    ['__all__ = ["owners"]\n__all__ += ["KEY"]\n', '__all__ = [n for n in ("KEY",)]\n'],
    ids=["augmented", "computed"],
)
def test_a_key_listed_in_all_however_built_stays(listed):
    """A review: `__all__ += ["KEY"]` was not read: KEY was removed and a
    star-importer failed with AttributeError."""
    result = migrate(
        "import os, requests\n" + listed + "KEY = os.environ['HUBSPOT_API_KEY']\n"
        "def owners():\n    return requests.get("
        "'https://api.hubapi.com/crm/v3/owners', params={'hapikey': KEY})\n"
    )
    assert b"KEY = os.environ['HUBSPOT_API_KEY']" in result.new
    assert any("__all__" in s.reason for s in result.sites if s.kind.value == "setting")


@pytest.mark.parametrize(
    "body",
    [
        "    params = dict(DEFAULT)\n    if api_key:\n"
        "        params.update({'hapikey': api_key})\n",
        "    params = {'hapikey': KEY}\n    if api_key:\n        params['hapikey'] = api_key\n",
    ],
    ids=["update over a copy", "item over the default"],
)
def test_a_callers_key_over_the_configured_one_keeps_the_request(body):
    """A review: the configured key and a caller's over it reached one request;
    the provider's token won, the caller's key was dropped."""
    result = migrate(
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "DEFAULT = {'hapikey': KEY, 'limit': 5}\n"
        "def deals(api_key=None):\n" + body + "    return requests.get("
        "'https://api.hubapi.com/crm/v3/objects/deals', params=params)\n"
    )
    assert result.new is None
    assert all(
        s.status == Status.MANUAL for s in result.sites if s.kind.value == "params"
    )


@pytest.mark.parametrize(
    "call",
    [
        "helpers.api_url('/x', base='https://mirror.example.com')",
        "helpers.api_url('/x', 'https://mirror.example.com')",
        "helpers.api_url('/x', hapikey=tenant_key)",
    ],
)
def test_a_helper_returning_a_carrier_given_a_host_or_key_keeps_it(tmp_path, call):
    """A review: api_url(path, base=MIRROR) returned the carrier's URL built on
    another host; the caller got the header, the mirror the token."""
    (tmp_path / "constants.py").write_text(
        "import os\nPARAMS = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
    )
    (tmp_path / "helpers.py").write_text(
        "from urllib.parse import urlencode\nimport constants\n"
        "def api_url(path, base='https://api.hubapi.com', **extra):\n"
        "    return base + path + '?' + urlencode({**constants.PARAMS, **extra})\n"
    )
    (tmp_path / "jobs.py").write_text(
        "import requests, helpers\ndef run(tenant_key=None):\n"
        f"    return requests.get({call})\n"
    )
    assert not any(r.changed for r in tree_results(tmp_path))


def test_a_host_constant_another_module_switches_in_a_branch_keeps_its_readers(
    tmp_path,
):
    """A review: constants.py set BASE_URL to a mock host when HUBSPOT_MOCK is
    set; client.py, importing it, was migrated: the mock got the token."""
    (tmp_path / "constants.py").write_text(
        "import os\nBASE_URL = 'https://api.hubapi.com'\n"
        "if os.environ.get('HUBSPOT_MOCK'):\n"
        "    BASE_URL = 'http://mock-hubspot.example.com:8080'\n"
    )
    (tmp_path / "settings.py").write_text(
        "import os\nHUBSPOT_API_KEY = os.environ['HUBSPOT_API_KEY']\n"
    )
    (tmp_path / "client.py").write_text(
        "import requests\nfrom constants import BASE_URL\nimport settings\n"
        "def owners():\n    return requests.get(BASE_URL + '/crm/v3/owners',"
        " params={'hapikey': settings.HUBSPOT_API_KEY})\n"
    )
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and "mock-hubspot.example.com" in site.reason


@pytest.mark.parametrize(
    "helper, call",
    [
        (
            "def get(path):\n    return requests.get(urljoin(BASE, path),"
            " params={'hapikey': KEY})\n",
            "hs.get('https://status.example.com/api/v2/status.json')",
        ),
        (
            "def call(host, path):\n    return requests.get(f'https://{host}{path}',"
            " params={'hapikey': KEY})\n",
            "hs.call('status.example.com', '/api/v2/status.json')",
        ),
    ],
    ids=["urljoin", "host parameter"],
)
def test_a_helper_whose_host_comes_from_other_modules_callers_stays(
    tmp_path, helper, call
):
    """A review: hs.get(path) joined its path to HubSpot's base; status.py
    gave it an absolute URL of a status page, which got the token."""
    (tmp_path / "hs.py").write_text(
        "import os, requests\nfrom urllib.parse import urljoin\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\nBASE = 'https://api.hubapi.com/'\n"
        + helper
    )
    (tmp_path / "status.py").write_text(f"import hs\ndef ping():\n    return {call}\n")
    results = tree_results(tmp_path)
    assert not any(r.changed for r in results)
    (site,) = [s for r in results for s in r.sites if s.kind.value == "params"]
    assert "called from other modules of the tree" in site.reason
