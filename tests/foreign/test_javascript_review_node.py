"""The eighth review's JavaScript shapes, run: each program runs under the real
``node`` against the local HubSpot stand-in before and after the front end
migrates it, and every request is compared. A request is either left exactly
as it was (its use is manual: same path, same key) or migrated (same method,
path and other parameters, no key, the Bearer token); never one that lost its
key without getting the token, had its path broken, or got the wrong key.
The ES-module program imports the provider (``tokens:hubspotToken``) and must
start at all (a ``require`` there is a ReferenceError)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

pytest.importorskip("tree_sitter_javascript")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402
from tests.foreign.test_javascript_node import HERE, NODE, _project  # noqa: E402
from tests.hubspot_standin import StandIn  # noqa: E402

KEY = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"
EU, US = "0e1d2c3b-1111-4c6f-9e1a-7d3b5c2e4f60", "0e1d2c3b-2222-4c6f-9e1a-7d3b5c2e4f60"
TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")

# Each request is tagged by its path; the comment says what must happen.
PROGRAM = b"""\
const axios = require('axios');
const KEY = process.env.HAPIKEY;
const BASE = 'https://api.hubapi.com';
const quiet = (p) => p.catch(() => null);

// W1: extended into a new name after the key: left as it is
async function extended(offset) {
  const url = `${BASE}/contacts/v1/lists/all/contacts/all?hapikey=${KEY}`;
  const full = url + '&vidOffset=' + offset;
  return fetch(full);
}
// W1: extended after another parameter: migrated, ?limit=2 kept
async function extendedAfter(offset) {
  const url = BASE + '/deals/v1/deal/paged?limit=2&hapikey=' + KEY;
  const full = url + '&offset=' + offset;
  return fetch(full);
}
// W13: one key after another: left as it is
async function portals() {
  for (const key of [process.env.HAPIKEY_EU, process.env.HAPIKEY_US]) {
    await quiet(axios.get(`${BASE}/companies/v2/companies/paged?hapikey=${key}`));
  }
}
async function region(name) {
  const key = process.env[`HAPIKEY_${name}`];
  return quiet(axios.get(`${BASE}/owners/v2/owners?hapikey=${key}`));
}
// W7: a fetch of the file's own that drops options: left as it is
async function cachedGet(url) {
  return globalThis.fetch(url, { headers: { 'X-Cache': '1' } });
}
async function viaWrapper() {
  const fetch = cachedGet;
  return fetch(`${BASE}/engagements/v1/engagements/paged?hapikey=${KEY}`);
}
// W4: duplicate headers: left as it is; a quoted key: migrated, Accept kept
async function headers() {
  await quiet(axios.get(`${BASE}/properties/v1/contacts/properties?hapikey=${KEY}`, { headers: { Accept: 'application/json' }, timeout: 5000, headers: { 'X-Extra': 'b' } }));
  await quiet(axios.get(`${BASE}/properties/v1/deals/properties?hapikey=${KEY}`, { 'headers': { Accept: 'application/json' } }));
}
// W5: an instance sending only to HubSpot: migrated
const hubspot = axios.create({
  baseURL: BASE,
  params: { hapikey: KEY },
});
// W5: an instance given a URL known only at run time: left as it is
const other = axios.create({
  baseURL: BASE,
  params: { hapikey: KEY },
});
const target = process.env.TARGET_PATH || '/crm/v3/objects/tickets';
// a one-line instance whose key is its last member: migrated
const oneLine = axios.create({ baseURL: BASE, params: { hapikey: KEY } });
// the key added with +=: the statement goes, migrated
async function search(q) {
  let url = BASE + '/contacts/v1/search/query?q=' + q;
  url += '&hapikey=' + KEY;
  url += '&count=5';
  return fetch(url);
}
// fetch's own Headers: migrated, Accept kept
async function withHeaders() {
  return fetch(`${BASE}/properties/v1/companies/properties?hapikey=${KEY}`, { headers: new Headers({ Accept: 'application/json' }) });
}

(async () => {
  await extended(1);
  await extendedAfter(2);
  await portals();
  await region('EU');
  await viaWrapper();
  await headers();
  await quiet(hubspot.get('/crm/v3/objects/contacts', { params: { limit: 3 } }));
  await quiet(hubspot.post('/crm/v3/objects/notes', { properties: {} }, { headers: { 'X-Extra': '1' } }));
  await quiet(other.get('/crm/v3/objects/companies'));
  await quiet(other.get(target));
  await quiet(oneLine.get('/crm/v3/objects/deals'));
  await search('x');
  await withHeaders();
})();
"""

MIGRATED = {
    "/deals/v1/deal/paged",
    "/properties/v1/deals/properties",
    "/crm/v3/objects/contacts",
    "/crm/v3/objects/notes",
    "/crm/v3/objects/deals",
    "/contacts/v1/search/query",
    "/properties/v1/companies/properties",
}


def _run(folder: str, standin: StandIn, program: str = "app.js") -> None:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HAPIKEY": KEY,
        "HAPIKEY_EU": EU,
        "HAPIKEY_US": US,
        "HUBSPOT_ACCESS_TOKEN": TOKEN,
        "STANDIN_URL": standin.url,
    }
    redirect = (
        "./redirect.cjs"
        if os.path.exists(os.path.join(folder, "redirect.cjs"))
        else "./redirect.js"
    )
    done = subprocess.run(
        [NODE, "--require", redirect, program],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def _without_key(query: dict) -> dict:
    return {name: values for name, values in query.items() if name != "hapikey"}


def _compare(old, new) -> set[str]:
    """The paths migrated; every other request must be sent as before."""
    assert len(old) == len(new)
    migrated = set()
    for sent, resent in zip(old, new):
        assert sent.hapikey in (KEY, EU, US), sent
        assert (resent.method, resent.path) == (sent.method, sent.path)
        if resent.hapikey is None:
            assert resent.query == _without_key(sent.query)
            assert resent.authorization == f"Bearer {TOKEN}"
            assert all(k not in resent.raw for k in (KEY, EU, US))
            migrated.add(resent.path)
        else:
            assert resent.query == sent.query and resent.authorization is None
    return migrated


def test_the_reviewed_shapes_send_the_same_key_or_the_token(tmp_path):
    result = javascript.process("app.js", PROGRAM, RunOptions(providers.resolve(None)))
    assert result.error is None and result.new is not None
    statuses = [s.status for s in result.sites if s.kind.value != "guard"]
    assert statuses.count(Status.REWRITE) == 6  # an instance is one site

    with StandIn(TOKEN, "developer-key") as standin:
        _run(_project(tmp_path / "before", PROGRAM), standin)
        old = list(standin.seen)
        standin.seen.clear()
        _run(_project(tmp_path / "after", result.new), standin)
        new = list(standin.seen)

    assert [s.path for s in old] == [
        "/contacts/v1/lists/all/contacts/all",
        "/deals/v1/deal/paged",
        "/companies/v2/companies/paged",
        "/companies/v2/companies/paged",
        "/owners/v2/owners",
        "/engagements/v1/engagements/paged",
        "/properties/v1/contacts/properties",
        "/properties/v1/deals/properties",
        "/crm/v3/objects/contacts",
        "/crm/v3/objects/notes",
        "/crm/v3/objects/companies",
        "/crm/v3/objects/tickets",
        "/crm/v3/objects/deals",
        "/contacts/v1/search/query",
        "/properties/v1/companies/properties",
    ]
    assert [s.hapikey for s in old[2:5]] == [EU, US, EU]  # three keys, not one
    assert _compare(old, new) == MIGRATED
    assert new[1].query == {"limit": ["2"], "offset": ["2"]}
    assert new[8].query == {"limit": ["3"]}
    assert "accept: application/json" in new[7].raw.lower()
    assert new[13].query == {"q": ["x"], "count": ["5"]}
    assert "accept: application/json" in new[14].raw.lower()


ESM_PROGRAM = b"""\
// nightly sync
const res = await fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}&count=5`);
console.log(res.status);
"""


def test_a_migrated_es_module_starts_and_sends_the_token(tmp_path):
    folder = tmp_path / "esm"
    folder.mkdir()
    (folder / "package.json").write_text('{"type": "module"}')
    program = folder / "app.js"
    program.write_bytes(ESM_PROGRAM)
    result = javascript.process(
        str(program), ESM_PROGRAM, RunOptions(providers.resolve("tokens:hubspotToken"))
    )
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert b"import { hubspotToken } from" in result.new
    program.write_bytes(result.new)
    provider = folder / "node_modules" / "tokens"
    provider.mkdir(parents=True)
    (provider / "index.js").write_text(
        "exports.hubspotToken = () => process.env.HUBSPOT_ACCESS_TOKEN;\n"
    )
    shutil.copy(os.path.join(HERE, "redirect.js"), folder / "redirect.cjs")

    with StandIn(TOKEN, "developer-key") as standin:
        _run(str(folder), standin)
        (seen,) = standin.seen
    assert seen.path == "/contacts/v1/lists"
    assert seen.query == {"count": ["5"]}
    assert seen.authorization == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    "package, provider, imported",
    [
        (
            "{}",
            "exports.getToken = () => process.env.HUBSPOT_ACCESS_TOKEN;\n",
            b"const { getToken } = require('../auth/tokens');",
        ),
        (
            '{"type": "module"}',
            "export const getToken = () => process.env.HUBSPOT_ACCESS_TOKEN;\n",
            b"import { getToken } from '../auth/tokens.js';",
        ),
    ],
)
def test_a_provider_module_of_the_project_is_imported_by_its_path(
    tmp_path, package, provider, imported
):
    """``auth.tokens:getToken`` with ``auth/tokens.js`` in the project: a bare
    ``require('auth/tokens')`` is looked up only in node_modules (Cannot find
    module at start); its relative path is what Node finds."""
    folder = tmp_path / "project"
    (folder / "src").mkdir(parents=True)
    (folder / "auth").mkdir()
    (folder / "package.json").write_text(package)
    (folder / "auth" / "tokens.js").write_text(provider)
    shutil.copy(os.path.join(HERE, "redirect.js"), folder / "redirect.cjs")
    source = (
        b"const url = 'https://api.hubapi.com/contacts/v1/lists?count=2';\n"
        b"fetch(url + '&hapikey=' + process.env.HAPIKEY).then((res) => console.log(res.status));\n"
    )
    program = folder / "src" / "app.js"
    program.write_bytes(source)
    options = RunOptions(providers.resolve("auth.tokens:getToken"))
    result = javascript.process(str(program), source, options)
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert result.new.startswith(imported)
    again = javascript.process(str(program), result.new, options)
    assert again.new is None  # the import is known the second time
    program.write_bytes(result.new)

    with StandIn(TOKEN, "developer-key") as standin:
        _run(str(folder), standin, "src/app.js")
        (seen,) = standin.seen
    assert (seen.path, seen.query) == ("/contacts/v1/lists", {"count": ["2"]})
    assert seen.authorization == f"Bearer {TOKEN}"
