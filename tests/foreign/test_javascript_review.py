"""The JavaScript wrong rewrites an eighth review found, by class: each shape
must be migrated exactly or left ``manual`` with its reason, never rewritten
into code that sends another key, no key, or the token to another host.

* a key that takes several values: a loop variable, an env name or a member
  picked at run time (one token would replace several portals' keys);
* a URL extended into a new name after the key (cutting ``?hapikey=`` would
  leave ``&offset=`` with no ``?``);
* a ``fetch``/``axios`` the file declares itself (a function, an object, a
  parameter): not the library, whatever its name;
* an axios instance's default key where the instance is given a URL known only
  at run time, or a request's own config undoes the default header;
* a developer-key path reached through an instance's baseURL: kept;
* an ES module (package ``"type": "module"``, top-level ``await``) gets an
  ``import`` of the provider, never a ``require``;
* options with a computed or repeated ``headers`` member;
* options held in a const another request or other code uses (it crashed).
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("tree_sitter_javascript")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402

BEARER = "Authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}`"


def _process(source: str, path: str = "worker.js", spec: str | None = None):
    options = RunOptions(providers.resolve(spec))
    return javascript.process(path, source.encode(), options)


def _url_sites(result):
    return [s for s in result.sites if s.kind.value in ("url", "params", "session")]


def _only(result):
    (site,) = _url_sites(result)
    return site


def _manual(source: str, *words: str, path: str = "worker.js"):
    result = _process(source, path)
    assert result.error is None
    sites = _url_sites(result)
    assert sites, result.sites
    for site in sites:
        assert site.status == Status.MANUAL, (site.line, site.reason)
        for word in words:
            assert word in site.reason, site.reason
    assert result.new is None
    return sites


# -- a key that takes several values --------------------------------------------------


def test_a_loop_over_several_portals_keys_is_left_manual():
    _manual(
        "const axios = require('axios');\n"
        "async function all() {\n"
        "  for (const key of [process.env.HAPIKEY_EU, process.env.HAPIKEY_US]) {\n"
        "    await axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${key}`);\n"
        "  }\n"
        "}\n",
        "loop variable key",
    )


def test_a_destructured_loop_variable_is_left_manual():
    _manual(
        "const axios = require('axios');\n"
        "const PORTALS = { eu: process.env.HAPIKEY_EU, us: process.env.HAPIKEY_US };\n"
        "async function all() {\n"
        "  for (const [region, key] of Object.entries(PORTALS)) {\n"
        "    await axios.get('https://api.hubapi.com/owners/v2/owners', { params: { hapikey: key } });\n"
        "  }\n"
        "}\n",
        "loop variable key",
    )


def test_a_loop_assigning_a_name_declared_before_is_left_manual():
    _manual(
        "let key = process.env.HAPIKEY;\n"
        "async function all(keys) {\n"
        "  for (key of keys) {\n"
        "    await fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${key}`);\n"
        "  }\n"
        "}\n",
        "assigned again",
    )


@pytest.mark.parametrize(
    "expression",
    [
        "process.env[`HAPIKEY_${region}`]",
        "process.env[region + '_HAPIKEY']",
        "process.env[name]",
        "KEYS[region]",
        "config.portals[region].apiKey",
    ],
)
def test_a_key_picked_at_run_time_is_left_manual(expression):
    _manual(
        "const axios = require('axios');\n"
        "import KEYS from './keys';\n"
        "import config from './config';\n"
        "async function sync(region, name) {\n"
        f"  const key = {expression};\n"
        "  return axios.get(`https://api.hubapi.com/contacts/v1/lists?hapikey=${key}`);\n"
        "}\n",
        "picked at run time",
    )


@pytest.mark.parametrize(
    "expression", ["process.env['HAPIKEY']", "config['hubspot'].apiKey"]
)
def test_a_key_named_by_a_fixed_index_is_still_migrated(expression):
    result = _process(
        "import config from './config';\n"
        f"const key = {expression};\n"
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${key}&count=2`);\n"
    )
    assert _only(result).status == Status.REWRITE
    assert (
        "fetch(`https://api.hubapi.com/contacts/v1/lists?count=2`, "
        f"{{ headers: {{ {BEARER} }} }});" in result.new.decode()
    )


# -- a URL extended into a new name --------------------------------------------------


@pytest.mark.parametrize(
    "derived",
    [
        "const full = url + '&vidOffset=' + offset;",
        "const full = `${url}&vidOffset=${offset}`;",
        "const more = url + '&vidOffset=' + offset; const full = more;",
        "const full = new URL(url + '&vidOffset=' + offset).href;",
    ],
)
def test_a_url_extended_into_a_new_name_keeps_its_key(derived):
    _manual(
        "const fetch = require('node-fetch');\n"
        "const KEY = process.env.HAPIKEY;\n"
        "async function page(offset) {\n"
        "  const url = `https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=${KEY}`;\n"
        f"  {derived}\n"
        "  return fetch(full);\n"
        "}\n",
        "extended after the key",
    )


def test_a_url_extended_after_another_parameter_is_migrated():
    """The cut leaves ``?limit=2``: the text added after it still has its ``?``."""
    result = _process(
        "const KEY = process.env.HAPIKEY;\n"
        "async function page(offset) {\n"
        "  const url = 'https://api.hubapi.com/deals/v1/deal/paged?limit=2&hapikey=' + KEY;\n"
        "  const full = url + '&offset=' + offset;\n"
        "  return fetch(full);\n"
        "}\n"
    )
    assert _only(result).status == Status.REWRITE
    new = result.new.decode()
    assert "'https://api.hubapi.com/deals/v1/deal/paged?limit=2';" in new
    assert f"fetch(full, {{ headers: {{ {BEARER} }} }})" in new


# -- a fetch or axios of the file's own ----------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        # a caching wrapper that ignores options
        "const nodeFetch = require('node-fetch');\n"
        "async function fetch(url) { return nodeFetch(url, { headers: { 'X-Extra': 'cache' } }); }\n"
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
        "const realAxios = require('axios');\n"
        "const axios = { get: (url) => realAxios.get(url, { timeout: 1 }) };\n"
        "axios.get(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
        "async function load(fetch) {\n"
        "  return fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
        "}\n",
        # the file requires axios, but this function is given another one
        "const axios = require('axios');\n"
        "function load(axios) {\n"
        "  return axios.get('https://api.hubapi.com/owners/v2/owners', { params: { hapikey: process.env.HAPIKEY } });\n"
        "}\n",
        "const fetch = (url) => globalThis.fetch(url);\n"
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
        "class axios { static get(url) { return url; } }\n"
        "axios.get(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
        "const axios = require('axios');\n"
        "const cached = { create: () => null };\n"
        "function make(axios) {\n"
        "  const api = axios.create({\n"
        "    baseURL: 'https://api.hubapi.com',\n"
        "    params: { hapikey: process.env.HAPIKEY },\n"
        "  });\n"
        "  return api.get('/contacts/v1/lists');\n"
        "}\n",
    ],
)
def test_a_fetch_or_axios_the_file_declares_is_not_the_library(source):
    _manual(source)


@pytest.mark.parametrize(
    "wrapper",
    [
        "(...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args))",
        "(...args) => import('node-fetch').then((mod) => mod.default(...args))",
    ],
)
def test_node_fetchs_own_forwarding_idiom_is_the_library(wrapper):
    result = _process(
        f"const fetch = {wrapper};\n"
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
    )
    assert _only(result).status == Status.REWRITE


@pytest.mark.parametrize(
    "wrapper",
    [  # the options do not reach node-fetch, or the arguments go elsewhere too
        "(...args) => import('node-fetch').then(({ default: f }) => f(args[0]))",
        "(...args) => { log(...args); return import('node-fetch').then(({ default: f }) => f(args[0])); }",
        "(...args) => import('./cache').then(({ default: f }) => f(...args))",
        "(url) => import('node-fetch').then(({ default: f }) => f(url))",
    ],
)
def test_a_fetch_wrapper_that_may_drop_the_options_is_not_the_library(wrapper):
    _manual(
        f"const fetch = {wrapper};\n"
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
        "this file's own",
    )


def test_a_local_fetch_is_named_in_the_reason():
    (site,) = _manual(
        "async function fetch(url) { return url; }\n"
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
    )
    assert "fetch is this file's own (declared on line 1)" in site.reason


@pytest.mark.parametrize(
    "head",
    [
        "",  # the global fetch
        "const fetch = require('node-fetch');\n",
        "import fetch from 'node-fetch';\n",
    ],
)
def test_the_library_fetch_is_still_migrated(head):
    result = _process(
        head
        + "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
    )
    assert _only(result).status == Status.REWRITE


# -- an axios instance's default key --------------------------------------------------

INSTANCE = (
    "const axios = require('axios');\n"
    "const hubspot = axios.create({\n"
    "  baseURL: 'https://api.hubapi.com',\n"
    "  params: { hapikey: process.env.HAPIKEY },\n"
    "});\n"
)


@pytest.mark.parametrize(
    "uses, words",
    [
        (
            "const target = process.env.TARGET || 'https://api.stripe.com/v1/charges';\n"
            "hubspot.get('/contacts/v1/lists');\n"
            "hubspot.get(target);\n",
            # the fallback may be Stripe's URL: the reason names it
            ("sends requests to api.stripe.com (line 8)",),
        ),
        (
            "function get(path) { return hubspot.get(path); }\n"
            "get('/contacts/v1/lists');\n"
            "get('https://api.stripe.com/v1/charges');\n",
            ("known only at run time on line 6 (path)",),
        ),
        (
            "hubspot.get(`${process.env.BASE}/contacts/v1/lists`);\n",
            ("known only at run time",),
        ),
        (
            "hubspot.get('/contacts/v1/lists', { headers: { Authorization: 'Basic abc' } });\n",
            ("may hold Authorization (line 6)",),
        ),
        (
            "hubspot.get('/contacts/v1/lists', { baseURL: 'https://api.stripe.com' });\n",
            ("sets baseURL",),
        ),
        ("hubspot.post('/contacts/v1/contact', {}, options);\n", ("not an object",)),
        (
            "hubspot.get('/contacts/v1/lists', { auth: { username: 'u', password: 'p' } });\n",
            ("sets auth",),
        ),
        (
            "hubspot.get('/contacts/v1/lists', { ['headers']: { X: '1' } });\n",
            ("sets ['…']",),
        ),
        ("send(hubspot);\n", ("used on line 6",)),
    ],
)
def test_an_instance_that_may_send_the_token_elsewhere_is_left_manual(uses, words):
    _manual(INSTANCE + uses, *words)


def test_an_instance_sending_only_to_hubspot_is_migrated():
    result = _process(
        INSTANCE + "hubspot.get('/contacts/v1/lists', { params: { count: 5 } });\n"
        "hubspot.post('/contacts/v1/contact', { properties: [] }, { headers: { 'X-Extra': '1' } });\n"
        "hubspot.get('https://api.hubapi.com/owners/v2/owners');\n"
    )
    assert _only(result).status == Status.REWRITE
    assert f"  headers: {{ {BEARER} }},\n" in result.new.decode()


def test_a_developer_path_through_an_instance_keeps_its_key():
    result = _process(INSTANCE + "hubspot.get('/webhooks/v3/42/subscriptions');\n")
    site = _only(result)
    assert site.status == Status.KEPT
    assert result.new is None


def test_developer_and_portal_paths_through_one_instance_are_left_manual():
    _manual(
        INSTANCE + "hubspot.get('/webhooks/v3/42/subscriptions');\n"
        "hubspot.get('/contacts/v1/lists');\n",
        "both to developer-key endpoints and to others",
    )


# -- ES modules -----------------------------------------------------------------------

ESM_SOURCE = (
    "// nightly sync\n"
    "const res = await fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
)
SPEC = "tokens:hubspotToken"


def _in_package(tmp_path, package: dict | None, name: str, source: str):
    if package is not None:
        (tmp_path / "package.json").write_text(json.dumps(package))
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(source)
    return _process(source, str(path), SPEC)


@pytest.mark.parametrize(
    "package, name, source",
    [
        ({"type": "module"}, "sync.js", "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"),
        ({}, "sync.js", ESM_SOURCE),  # top-level await: only a module has it
        (None, "sync.js", "for await (const x of []) {}\n" + ESM_SOURCE),
        ({"type": "commonjs"}, "sync.mjs", "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"),
    ],
)  # fmt: skip
def test_an_es_module_imports_the_provider(tmp_path, package, name, source):
    result = _in_package(tmp_path, package, name, source)
    assert _only(result).status == Status.REWRITE
    new = result.new.decode()
    assert 'import { hubspotToken } from "tokens";' in new or (
        "import { hubspotToken } from 'tokens';" in new
    )
    assert "require(" not in new


@pytest.mark.parametrize("package", [None, {}, {"type": "commonjs"}])
def test_a_commonjs_file_requires_the_provider(tmp_path, package):
    source = (
        "const axios = require('axios');\n"
        "axios.get(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
    )
    result = _in_package(tmp_path, package, "sync.js", source)
    assert _only(result).status == Status.REWRITE
    assert "const { hubspotToken } = require('tokens');" in result.new.decode()


def test_a_commonjs_file_in_a_module_package_is_left_manual(tmp_path):
    source = (
        "const fetch = require('node-fetch');\n"
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
    )
    result = _in_package(tmp_path, {"type": "module"}, "sync.js", source)
    site = _only(result)
    assert site.status == Status.MANUAL
    assert "uses require or module.exports" in site.reason
    assert result.new is None


def test_the_nearest_package_json_decides(tmp_path):
    (tmp_path / "package.json").write_text('{"type": "module"}')
    inner = tmp_path / "legacy"
    inner.mkdir()
    (inner / "package.json").write_text('{"name": "legacy"}')
    result = _in_package(
        inner,
        None,
        "sync.js",
        "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
    )
    assert "require('tokens')" in result.new.decode()


# -- headers that cannot be read ------------------------------------------------------


@pytest.mark.parametrize(
    "options, words",
    [
        ("{ ['headers']: { Accept: 'a' } }", "computed or a method"),
        ("{ [HEADERS]: { Accept: 'a' } }", "computed or a method"),
        (
            "{ headers: { Accept: 'a' }, timeout: 5000, headers: { 'X-Extra': 'b' } }",
            "set headers twice",
        ),
        ("{ headers: { Accept: 'a' }, 'headers': { X: 'b' } }", "set headers twice"),
        ("{ headers: { [AUTH]: 'Basic x' } }", "may be an Authorization header"),
        ("{ get headers() { return {}; } }", "computed or a method"),
    ],
)
def test_options_with_headers_it_cannot_read_are_left_manual(options, words):
    _manual(
        "const axios = require('axios');\n"
        f"axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${{process.env.HAPIKEY}}`, {options});\n",
        words,
    )


def test_a_quoted_headers_member_takes_the_header():
    result = _process(
        "const axios = require('axios');\n"
        "axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HAPIKEY}`, { 'headers': { Accept: 'a' } });\n"
    )
    assert _only(result).status == Status.REWRITE
    assert f"{{ 'headers': {{ Accept: 'a', {BEARER} }} }}" in result.new.decode()


# -- options held in a const (it crashed) ---------------------------------------------


@pytest.mark.parametrize(
    "source, words",
    [
        (
            "const options = { method: 'GET', headers: { Accept: 'a' } };\n"
            "await fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`, options);\n"
            "await fetch('https://api.stripe.com/v1/charges', options);\n",
            "the options object options is also used on line 3",
        ),
        (
            "const o2 = { method: 'GET' };\n"
            "await fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`, o2);\n"
            "console.log(o2.method);\n",
            "also used on line 3",
        ),
        (
            "let o3 = makeOptions();\n"
            "await fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`, o3);\n",
            "the options are a variable (o3)",
        ),
    ],
)
def test_options_in_a_name_are_decided_not_crashed_on(source, words):
    _manual(source, words, path="worker.mjs")


# -- shapes a careful person would migrate ---------------------------------------------


@pytest.mark.parametrize(
    "line, after",
    [
        (
            "const api = axios.create({ baseURL: 'https://api.hubapi.com', params: { hapikey: process.env.HAPIKEY } });\n"
            "api.get('/contacts/v1/lists');\n",
            f"const api = axios.create({{ baseURL: 'https://api.hubapi.com', headers: {{ {BEARER} }} }});\n",
        ),
        (
            "axios.request({ url: 'https://api.hubapi.com/owners/v2/owners', params: { hapikey: process.env.HAPIKEY } });\n",
            f"axios.request({{ url: 'https://api.hubapi.com/owners/v2/owners', headers: {{ {BEARER} }} }});\n",
        ),
        (
            "axios.request({ url: 'https://api.hubapi.com/owners/v2/owners', params: { hapikey: process.env.HAPIKEY }, });\n",
            f"axios.request({{ url: 'https://api.hubapi.com/owners/v2/owners', headers: {{ {BEARER} }}, }});\n",
        ),
    ],
)
def test_a_one_line_config_whose_last_member_is_the_key_is_migrated(line, after):
    """It ended "the edits would overlap", turning every site of the file manual."""
    result = _process(
        "const axios = require('axios');\n"
        + line
        + "fetch(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HAPIKEY}`);\n"
    )
    assert {s.status for s in _url_sites(result)} == {Status.REWRITE}
    assert after in result.new.decode()


def test_fetch_headers_made_with_new_headers_take_the_header():
    result = _process(
        "fetch(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HAPIKEY}`, "
        "{ headers: new Headers({ Accept: 'application/json' }) });\n"
    )
    assert _only(result).status == Status.REWRITE
    assert (
        f"{{ headers: new Headers({{ Accept: 'application/json', {BEARER} }}) }}"
        in result.new.decode()
    )


@pytest.mark.parametrize(
    "source, words",
    [
        (
            "fetch(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HAPIKEY}`, "
            "{ headers: new Headers({ authorization: 'Basic x' }) });\n",
            "already sends an Authorization header",
        ),
        (
            "fetch(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HAPIKEY}`, "
            "{ headers: new Headers(common) });\n",
            "cannot see into",
        ),
        (  # axios is not fetch: a Headers object is not its own
            "const axios = require('axios');\n"
            "axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HAPIKEY}`, "
            "{ headers: new Headers({ Accept: 'a' }) });\n",
            "cannot see into",
        ),
        (
            "class Headers {}\n"
            "fetch(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${process.env.HAPIKEY}`, "
            "{ headers: new Headers({ Accept: 'a' }) });\n",
            "cannot see into",
        ),
    ],
)
def test_headers_objects_it_cannot_read_are_left_manual(source, words):
    _manual(source, words)


def test_a_key_added_with_plus_equals_goes_with_its_statement():
    result = _process(
        "async function search(q) {\n"
        "  let url = 'https://api.hubapi.com/contacts/v1/search/query?q=' + q;\n"
        "  url += '&hapikey=' + process.env.HAPIKEY;\n"
        "  url += '&count=5';\n"
        "  return fetch(url);\n"
        "}\n"
    )
    assert _only(result).status == Status.REWRITE
    assert result.new.decode() == (
        "async function search(q) {\n"
        "  let url = 'https://api.hubapi.com/contacts/v1/search/query?q=' + q;\n"
        "  url += '&count=5';\n"
        f"  return fetch(url, {{ headers: {{ {BEARER} }} }});\n"
        "}\n"
    )


@pytest.mark.parametrize(
    "body, words",
    [
        (
            "  let url = 'https://api.hubapi.com/contacts/v1/lists';\n"
            "  url += '?hapikey=' + process.env.HAPIKEY;\n"
            "  url += '&count=' + q;\n"
            "  return fetch(url);\n",
            "extended after the key",
        ),
        (
            "  let url = 'https://api.hubapi.com/contacts/v1/lists?count=1';\n"
            "  await fetch(url);\n"
            "  url += '&hapikey=' + process.env.HAPIKEY;\n"
            "  return fetch(url);\n",
            "before the key is added to it",
        ),
        (
            "  let url = 'https://api.hubapi.com/contacts/v1/lists?count=1';\n"
            "  send();\n"
            "  url += '&hapikey=' + process.env.HAPIKEY;\n"
            "  return send();\n"
            "  function send() { return fetch(url); }\n",
            "by another function",
        ),
        (
            "  let url = 'https://api.hubapi.com/contacts/v1/lists?count=1';\n"
            "  if (q) url += '&hapikey=' + process.env.HAPIKEY;\n"
            "  return fetch(url);\n",
            "inside a branch or loop",
        ),
        (
            "  let url = 'https://api.hubapi.com/contacts/v1/lists?count=1';\n"
            "  url += '&hapikey=' + process.env.HAPIKEY;\n"
            "  return url;\n",
            "returned",
        ),
    ],
)
def test_a_key_added_with_plus_equals_it_cannot_follow_is_left_manual(body, words):
    _manual("async function f(q) {\n" + body + "}\n", words)


# -- a provider module of the project -------------------------------------------------


@pytest.mark.parametrize(
    "files, package, name, expected",
    [
        (["auth/tokens.ts"], {}, "src/app.ts", "require('../auth/tokens')"),
        (["src/auth/tokens/index.js"], {}, "src/app.js", "require('./auth/tokens')"),
        (
            ["auth/tokens.ts"],
            {"type": "module"},
            "src/app.ts",
            "from '../auth/tokens.js'",
        ),
        ([], {}, "src/app.js", "require('auth/tokens')"),  # a package, as named
        (  # the search ends at the file's own package
            ["auth/tokens.js"],
            {},
            "node_modules/x/src/app.js",
            "require('auth/tokens')",
        ),
    ],
)
def test_the_provider_module_is_named_as_node_finds_it(
    tmp_path, files, package, name, expected
):
    (tmp_path / "package.json").write_text(json.dumps(package))
    for file in files:
        (tmp_path / file).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / file).write_text("")
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if "node_modules/x" in name:
        (tmp_path / "node_modules/x/package.json").write_text("{}")
    source = "fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
    result = _process(source, str(path), "auth.tokens:getToken")
    assert _only(result).status == Status.REWRITE
    assert expected in result.new.decode()
