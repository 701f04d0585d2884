"""Hosts the callers give, in JavaScript/TypeScript and PHP: a URL that starts
with a function's parameter, or with ``this.base`` / ``$this->base`` set from a
constructor's, goes wherever the callers send it.

JavaScript looks at every caller, in the file and in the project's modules
that import it (CommonJS and ES modules): the site migrates when each gives a
HubSpot URL written in the code, and stays manual naming the caller that gives
another host or a value known only at run time, or the use that hides callers
(passed as a value, re-exported, the package's entry point, no package.json).
The migrated project runs under the real ``node`` against the HubSpot
stand-in. PHP functions and classes are global (any file may call them), so a
public function's or a constructor's parameter keeps the site manual; a private
method's callers are all in its class and are each looked at."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

pytest.importorskip("tree_sitter_javascript")
pytest.importorskip("tree_sitter_php")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript, php  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402
from tests.hubspot_standin import StandIn  # noqa: E402

NODE = shutil.which("node")
PHP = shutil.which("php")
REDIRECT = os.path.join(os.path.dirname(__file__), "foreign", "node", "redirect.js")
KEY = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"
TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
JS_KEY = "const KEY = process.env.HAPIKEY;\n"
MIRROR = "https://mirror.example.com"


def _js(source: str, path: str = "worker.js"):
    result = javascript.process(
        path, (JS_KEY + source).encode(), RunOptions(providers.resolve(None))
    )
    assert result.error is None
    return result, [s for s in result.sites if s.kind.value in ("url", "params")]


def _php(source: str):
    data = ("<?php\n" + source).encode()
    result = php.process("worker.php", data, RunOptions(providers.resolve(None)))
    assert result.error is None
    return result, [s for s in result.sites if s.kind.value in ("url", "params")]


GET = "function get(base) { return fetch(base + '/deals/v1/deal/paged?hapikey=' + KEY); }\n"
CLIENT = (
    "class Client {\n"
    "  constructor(base = 'https://api.hubapi.com') { this.base = base; }\n"
    "  owners() { return fetch(`${this.base}/owners/v2/owners?hapikey=${KEY}`); }\n"
    "}\n"
)


# -- JavaScript, one file -----------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        GET
        + "get('https://api.hubapi.com');\nconst HUB = 'https://api.hubapi.com';\nget(HUB);\n",
        # the parameter's default, for a caller giving none
        GET.replace("get(base)", "get(base = 'https://api.hubapi.com')") + "get();\n",
        # a caller handing on its own parameter, whose caller gives HubSpot's host
        GET
        + "function run(b) { return get(b); }\nrun('https://api-eu1.hubapi.com');\n",
        CLIENT
        + "new Client().owners();\nnew Client('https://api.hubapi.com').owners();\n",
        # TypeScript's parameter property sets this.base
        "class Client {\n  constructor(private base: string = 'https://api.hubapi.com') {}\n"
        "  owners() { return fetch(`${this.base}/owners/v2/owners?hapikey=${KEY}`); }\n}\n"
        "new Client().owners();\n",
    ],
    ids=["literal and constant", "default", "handed on", "constructor", "typescript"],
)
def test_every_caller_giving_hubspots_host_migrates(source):
    path = "worker.ts" if "private base" in source else "worker.js"
    result, (site,) = _js(source, path)
    assert site.status == Status.REWRITE, site.reason
    assert b"hapikey" not in result.new and b"Bearer" in result.new


@pytest.mark.parametrize(
    "source, named",
    [
        (GET + f"get('{MIRROR}');\nget('https://api.hubapi.com');\n", "get(...) on line 3 gives mirror.example.com"),
        (GET + "get(process.env.BASE);\n", "a value known only at run time"),
        (GET + "get();\n", "gives no value for base"),
        (GET, "has no caller"),
        (GET + "setTimeout(get, 10);\n", "used as a value on line 3"),
        (GET + "get.call(null, 'https://api.hubapi.com');\n", "used as a value"),
        (GET + f"function run(b) {{ return get(b); }}\nrun('{MIRROR}');\n", "run(...) on line 4 gives mirror.example.com"),
        (GET + "module.exports = { get };\n", "exported"),
        (CLIENT + f"new Client('{MIRROR}').owners();\n", "new Client(...) on line 6 gives mirror.example.com"),
        (CLIENT + f"const c = new Client();\nc.base = '{MIRROR}';\n", "sets .base on an instance"),
        (CLIENT + "class Eu extends Client {}\nnew Eu().owners();\n", "extended by a class"),
        # a base URL with a fallback: the caller's value may be used
        ("const get = (base) => fetch((base || 'https://api.hubapi.com') + '/deals/v1/deal/paged?hapikey=' + KEY);\n"
         f"get('{MIRROR}');\n", "mirror.example.com"),
        # a relative URL resolved against a base the callers give
        ("function get(base) { return fetch(new URL('/deals/v1/deal/paged?hapikey=' + KEY, base)); }\n"
         f"get('{MIRROR}');\n", "mirror.example.com"),
        ("const axios = require('axios');\n"
         "function make(base) { const c = axios.create({ baseURL: base }); return c.get('/deals/v1/deal/paged', { params: { hapikey: KEY } }); }\n"
         f"make('{MIRROR}');\n", "make(...) on line 4 gives mirror.example.com"),
    ],
    ids=["another host", "run time", "none given", "no caller", "passed", ".call",
         "handed on", "exported off disk", "constructor", "instance write", "subclass",
         "fallback", "new URL base", "axios baseURL"],
)  # fmt: skip
def test_a_caller_giving_another_host_or_hiding_callers_stays_manual(source, named):
    result, sites = _js(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert named in sites[0].reason, sites[0].reason
    assert "callers give" in sites[0].reason or "not to HubSpot" in sites[0].reason
    assert result.new is None


def test_a_literal_base_of_new_url_is_the_host():
    _, (site,) = _js(
        f"fetch(new URL('/deals/v1/deal/paged?hapikey=' + KEY, '{MIRROR}'));\n"
    )
    assert site.status == Status.MANUAL and "mirror.example.com" in site.reason


# -- JavaScript, a project of modules ---------------------------------------------------

CLIENT_MODULE = (
    "const KEY = process.env.HAPIKEY;\n"
    "class Client {\n"
    "  constructor(base = 'https://api.hubapi.com') {\n"
    "    this.base = base;\n"
    "  }\n"
    "  owners() {\n"
    "    return fetch(`${this.base}/owners/v2/owners?hapikey=${KEY}&limit=5`).then((r) => r.status);\n"
    "  }\n"
    "}\n"
    "function deals(base) {\n"
    "  return fetch(base + '/deals/v1/deal/paged?hapikey=' + KEY + '&count=2').then((r) => r.status);\n"
    "}\n"
    "module.exports = { Client, deals };\n"
)
APP = (
    "const { Client, deals } = require('./lib/client');\n"
    "const api = require('./lib/client.js');\n"
    "const HUB = 'https://api.hubapi.com';\n"
    "async function main() {\n"
    "  console.log(await new Client().owners());\n"
    "  console.log(await new api.Client(HUB).owners());\n"
    "  console.log(await deals(HUB));\n"
    "}\n"
    "main();\n"
)


def _project(folder, files: dict[str, str], package: dict | None = None) -> None:
    os.makedirs(folder, exist_ok=True)
    if package is not None:
        (folder / "package.json").write_text(json.dumps(package))
    for name, text in files.items():
        os.makedirs(os.path.dirname(folder / name), exist_ok=True)
        (folder / name).write_text(text)


def _migrate(folder, name: str):
    path = str(folder / name)
    with open(path, "rb") as handle:
        data = handle.read()
    return javascript.process(path, data, RunOptions(providers.resolve(None)))


def _run_node(folder, standin: StandIn, main: str) -> list[str]:
    shutil.copy(REDIRECT, folder / "redirect.js")
    done = subprocess.run(
        [NODE, "--require", "./redirect.js", main],
        cwd=str(folder),
        env={
            "PATH": os.environ.get("PATH", ""),
            "HAPIKEY": KEY,
            "HUBSPOT_ACCESS_TOKEN": TOKEN,
            "STANDIN_URL": standin.url,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("style", ["commonjs", "esm"])
def test_a_client_every_module_gives_hubspots_host_migrates_and_runs(tmp_path, style):
    files = {"lib/client.js": CLIENT_MODULE, "app.js": APP}
    main = "app.js"
    if style == "esm":  # an ES module importing the CommonJS client, and its own
        files["lib/client.js"] = CLIENT_MODULE.replace(
            "module.exports = { Client, deals };", "export { Client, deals };"
        )
        files["app.mjs"] = (
            "import { Client, deals } from './lib/client.mjs';\n"
            "import * as api from './lib/client.mjs';\n" + APP.split("\n", 2)[2]
        )
        files["lib/client.mjs"] = files.pop("lib/client.js")
        del files["app.js"]
        main = "app.mjs"
    before = tmp_path / "before"
    after = tmp_path / "after"
    for folder in (before, after):
        _project(folder, files, {"name": "worker", "private": True, "main": main})
    client = "lib/client.mjs" if style == "esm" else "lib/client.js"
    result = _migrate(after, client)
    assert [s.status for s in result.sites] == [Status.REWRITE, Status.REWRITE]
    (after / client).write_bytes(result.new)
    assert _migrate(after, main).new is None  # the caller has no key of its own

    with StandIn(TOKEN, "developer-key") as standin:
        assert _run_node(before, standin, main) == ["401"] * 3
        old = list(standin.seen)
        standin.seen.clear()
        assert _run_node(after, standin, main) == ["200"] * 3
        new = list(standin.seen)
    assert [(s.method, s.path) for s in new] == [(s.method, s.path) for s in old]
    for sent, resent in zip(old, new):
        assert sent.hapikey == KEY and resent.hapikey is None
        assert resent.query == {k: v for k, v in sent.query.items() if k != "hapikey"}
        assert resent.authorization == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    "other, manual, named",
    [
        ({"other.js": f"const {{ deals }} = require('./lib/client');\ndeals('{MIRROR}');\n"},
         ["deals"], "deals(...) at ../other.js:2 gives mirror.example.com"),
        ({"other.mjs": "import client from './lib/client.js';\nnew client.Client(process.env.BASE);\n"},
         ["owners"], "a value known only at run time"),
        ({"other.js": "module.exports = require('./lib/client');\n"},
         ["owners", "deals"], "used as a value"),
        ({"other.mjs": "export * from './lib/client.js';\n"}, ["owners", "deals"], "re-exports it"),
        ({"other.js": "const name = './lib/client';\nrequire(name);\n"},
         ["owners", "deals"], "loads a module named at run time"),
        ({"other.js": "const c = require('./lib/client');\nconst x = new c.Client();\nx.base = 'https://mirror.example.com';\n"},
         ["owners"], "sets .base on an instance"),
    ],
    ids=["another host", "run time", "re-exported", "export from", "dynamic require", "instance write"],
)  # fmt: skip
def test_a_module_giving_another_host_or_hiding_callers_keeps_its_site_manual(
    tmp_path, other, manual, named
):
    _project(tmp_path, {"lib/client.js": CLIENT_MODULE, "app.js": APP, **other},
             {"name": "w", "main": "app.js"})  # fmt: skip
    result = _migrate(tmp_path, "lib/client.js")
    owners, deals = [s for s in result.sites if s.kind.value == "url"]
    for name, site in (("owners", owners), ("deals", deals)):
        if name in manual:
            assert site.status == Status.MANUAL and named in site.reason, site.reason
        else:  # the other export's callers all give HubSpot's host
            assert site.status == Status.REWRITE, site.reason
    after = result.new or result.original
    assert (b"/owners/v2/owners?hapikey=" in after) == ("owners" in manual)
    assert (b"/deals/v1/deal/paged?hapikey=" in after) == ("deals" in manual)


@pytest.mark.parametrize(
    "package, named",
    [
        (
            {"name": "hubspot-lib", "main": "lib/client.js"},
            "entry point (package.json main)",
        ),
        (
            {"name": "hubspot-lib", "exports": {".": "./lib/client.js"}},
            "entry point (package.json exports)",
        ),
        (None, "no package.json"),
    ],
    ids=["main", "exports", "no package.json"],
)
def test_a_client_its_package_exports_to_outside_users_stays_manual(
    tmp_path, package, named
):
    _project(tmp_path, {"lib/client.js": CLIENT_MODULE, "app.js": APP}, package)
    result = _migrate(tmp_path, "lib/client.js")
    assert result.new is None
    assert all(named in s.reason for s in result.sites), [
        s.reason for s in result.sites
    ]


# -- PHP -------------------------------------------------------------------------------

PHP_KEY = "getenv('HUBSPOT_API_KEY')"


@pytest.mark.parametrize(
    "source, named",
    [
        ("function get($base) { return file_get_contents(\"{$base}/deals/v1/deal/paged?hapikey=\" . "
         f"{PHP_KEY}); }}\nget('https://api.hubapi.com');\n", "a parameter of get()"),
        ("class Client { private $base;\n function __construct($base) { $this->base = $base; }\n"
         f" function owners() {{ return file_get_contents($this->base . '/owners/v2/owners?hapikey=' . {PHP_KEY}); }} }}\n",
         "a parameter of Client::__construct()"),
        ("class Client { function __construct(private string $base = 'https://api.hubapi.com') {}\n"
         f" function owners() {{ return file_get_contents($this->base . '/owners/v2/owners?hapikey=' . {PHP_KEY}); }} }}\n",
         "promoted parameter $base"),
        ("function make($base) { $c = new \\GuzzleHttp\\Client(['base_uri' => $base]);\n"
         f" return $c->get('/deals/v1/deal/paged', ['query' => ['hapikey' => {PHP_KEY}]]); }}\n",
         "a parameter of make()"),
        ("class Client { public static $base = 'https://api.hubapi.com';\n"
         f" static function owners() {{ return file_get_contents(self::$base . '/owners/v2/owners?hapikey=' . {PHP_KEY}); }} }}\n"
         f"Client::$base = '{MIRROR}';\n", "mirror.example.com"),
        ("class Client { const BASE = 'https://api.hubapi.com';\n"
         f" function owners() {{ return file_get_contents(static::BASE . '/owners/v2/owners?hapikey=' . {PHP_KEY}); }} }}\n"
         f"class Mirror extends Client {{ const BASE = '{MIRROR}'; }}\n", "redeclared by the subclass Mirror"),
        ("class Client { public $base = 'https://api.hubapi.com';\n"
         f" function owners() {{ return file_get_contents($this->base . '/owners/v2/owners?hapikey=' . {PHP_KEY}); }} }}\n"
         f"$c = new Client(); $c->base = '{MIRROR}';\n", "set on an instance"),
        ("class Client { private $base = 'https://api.hubapi.com';\n"
         f" function mirror() {{ $this->base = '{MIRROR}'; }}\n"
         f" function owners() {{ return file_get_contents($this->base . '/owners/v2/owners?hapikey=' . {PHP_KEY}); }} }}\n",
         "mirror.example.com"),
        ("class Client {\n private function send($base) { return file_get_contents($base . '/owners/v2/owners?hapikey=' . "
         f"{PHP_KEY}); }}\n public function a() {{ return $this->send('https://api.hubapi.com'); }}\n"
         f" public function b() {{ return $this->send('{MIRROR}'); }} }}\n", "mirror.example.com"),
    ],
    ids=["function", "constructor", "promoted", "guzzle base_uri", "static property",
         "static constant", "public property", "private property reassigned", "private method"],
)  # fmt: skip
def test_php_a_host_given_from_outside_stays_manual(source, named):
    result, sites = _php(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert named in sites[0].reason, sites[0].reason
    assert result.new is None


@pytest.mark.parametrize(
    "source",
    [
        "class Client { private $base = 'https://api.hubapi.com';\n"
        f" function owners() {{ return file_get_contents($this->base . '/owners/v2/owners?hapikey=' . {PHP_KEY}); }} }}\n",
        "class Client { const HUB = 'https://api.hubapi.com';\n"
        " private function send($base) { return file_get_contents($base . '/owners/v2/owners?hapikey=' . "
        f"{PHP_KEY}); }}\n public function a() {{ return $this->send('https://api.hubapi.com'); }}\n"
        " public function b() { return $this->send(self::HUB); } }\n",
    ],
    ids=["private property", "private method"],
)
def test_php_a_host_the_class_writes_migrates(source):
    result, sites = _php(source)
    assert sites and all(s.status == Status.REWRITE for s in sites), [
        s.reason for s in sites
    ]
    assert b"hapikey" not in result.new and b"Bearer" in result.new


# -- review 13: hosts the front ends could not read (J1, J6, J9) ----------------------


@pytest.mark.parametrize(
    "source, named",
    [
        ("fetch(`${process.env.USE_MIRROR ? 'http://localhost:8080' : 'https://api.hubapi.com'}"
         "/contacts/v1/lists?hapikey=${KEY}`);\n", "localhost"),
        ("const config = Object.freeze({ hubspot: { baseUrl: process.env.T ? 'http://localhost:3001' : 'https://api.hubapi.com' } });\n"
         "fetch(`${config.hubspot.baseUrl}/contacts/v1/lists?hapikey=${KEY}`);\n", "localhost"),
        ("function base() { return process.env.B ? 'http://localhost:3001' : 'https://api.hubapi.com'; }\n"
         "fetch(`${base()}/contacts/v1/lists?hapikey=${KEY}`);\n", "localhost"),
        ("const { BASE } = require('./config');\nfetch(`${BASE}/contacts/v1/lists?hapikey=${KEY}`);\n",
         "which this tool cannot read"),
        ("import { BASE } from './base.mjs';\nfetch(`${BASE}/contacts/v1/lists?hapikey=${KEY}`);\n",
         "imported from ./base.mjs"),
        ("const settings = require('./settings.json');\n"
         "fetch(`${settings.hubspotBase}/contacts/v1/lists?hapikey=${KEY}`);\n", "settings.hubspotBase"),
        ("class C { static BASE = process.env.MOCK || 'https://api.hubapi.com'; }\n"
         "fetch(`${C.BASE}/contacts/v1/lists?hapikey=${KEY}`);\n", "C.BASE"),
        ("const BASES = ['https://api.hubapi.com', 'http://localhost:3001'];\n"
         "const get = (i) => fetch(`${BASES[i]}/contacts/v1/lists?hapikey=${KEY}`);\n", "BASES[i]"),
        ("const { base } = process.env.M ? { base: 'http://localhost:3001' } : { base: 'https://api.hubapi.com' };\n"
         "fetch(`${base}/contacts/v1/lists?hapikey=${KEY}`);\n", "which this tool cannot read"),
        ("const BASE = new URL(process.env.HUBSPOT_URL || 'http://localhost:3001').origin;\n"
         "fetch(`${BASE}/contacts/v1/lists?hapikey=${KEY}`);\n", "localhost"),
        # J9: a member of a parameter, of this.config
        ("function lists(opts) { return fetch(`${opts.baseUrl}/contacts/v1/lists?hapikey=${KEY}`); }\n"
         "lists({ baseUrl: 'https://api.hubapi.com' });\n", "opts.baseUrl, which its callers give"),
        ("class C { constructor(config) { this.config = config; }\n"
         "  lists() { return fetch(`${this.config.baseUrl}/contacts/v1/lists?hapikey=${KEY}`); } }\n",
         "this.config.baseUrl, which its callers give"),
        # J6: an http(s) options object's host with a fallback
        ("const https = require('https');\n"
         "https.get({ host: process.env.HS_HOST || 'hubspot-proxy.internal', path: `/contacts/v1/lists?hapikey=${KEY}` }, () => {});\n",
         "hubspot-proxy.internal"),
    ],
    ids=["ternary in the hole", "nested frozen config", "function returning", "required const",
         "imported const", "json settings", "static field", "array table", "destructured choice",
         "URL origin", "member of a parameter", "member of this.config", "http host fallback"],
)  # fmt: skip
def test_a_host_that_may_not_be_hubspots_stays_manual(source, named):
    result, sites = _js(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert named in sites[0].reason, sites[0].reason
    assert result.new is None


@pytest.mark.parametrize(
    "source",
    [
        "const cfg = { base: 'https://api.hubapi.com' };\n"
        "fetch(`${cfg.base}/contacts/v1/lists?hapikey=${KEY}`);\n",
        "function base() { return 'https://api.hubapi.com'; }\n"
        "fetch(`${base()}/contacts/v1/lists?hapikey=${KEY}`);\n",
        "const { HUBSPOT_BASE } = process.env;\n"
        "fetch(`${HUBSPOT_BASE}/contacts/v1/lists?hapikey=${KEY}`);\n",
        "const BASE = new URL('https://api.hubapi.com/crm').origin;\n"
        "fetch(`${BASE}/contacts/v1/lists?hapikey=${KEY}`);\n",
    ],
    ids=["config object", "function", "environment", "URL origin"],
)
def test_a_host_written_as_hubspots_still_migrates(source):
    result, (site,) = _js(source)
    assert site.status == Status.REWRITE, site.reason
    assert b"hapikey" not in result.new and b"Bearer" in result.new


# -- review 13: PHP hosts chosen among written ones, given by a subclass (J3, J8) -----

_SANDBOX = (
    "$base = getenv('SANDBOX') ? 'http://localhost:8080' : 'https://api.hubapi.com';\n"
)


@pytest.mark.parametrize(
    "source, named",
    [
        ("function lists() {\n" + _SANDBOX +
         "    $ch = curl_init(\"$base/contacts/v1/lists?hapikey=\" . getenv('HAPIKEY') . '&count=5'); return curl_exec($ch);\n}\n",
         "localhost"),
        ("function lists() {\n" + _SANDBOX +
         "    $ch = curl_init(sprintf('%s/contacts/v1/lists?hapikey=%s&count=5', $base, getenv('HAPIKEY'))); return curl_exec($ch);\n}\n",
         "localhost"),
        ("function lists() {\n" + _SANDBOX + "    $url = <<<EOT\n{$base}/contacts/v1/lists?hapikey={$_ENV['HAPIKEY']}&count=5\nEOT;\n"
         "    $ch = curl_init($url); return curl_exec($ch);\n}\n", "localhost"),
        ("$hosts = ['prod' => 'https://api.hubapi.com', 'test' => 'http://localhost:8080'];\n"
         "function lists() { global $hosts;\n"
         "    $ch = curl_init($hosts[getenv('APP_ENV') ?: 'prod'] . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY')); return curl_exec($ch); }\n",
         "localhost"),
        ("function base() { return getenv('HUBSPOT_BASE') ?: 'http://localhost:8080'; }\n"
         "function lists() { $ch = curl_init(base() . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY')); return curl_exec($ch); }\n",
         "base(), which returns"),
        ("class C { protected static $base = 'https://api.hubapi.com';\n"
         " public function lists() { $ch = curl_init(static::$base . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY')); return curl_exec($ch); } }\n"
         "class M extends C { protected static $base = 'http://localhost:8080'; }\n", "redeclared by the subclass M"),
        ("class C { protected $base = 'https://api.hubapi.com';\n"
         " public function lists() { $ch = curl_init(\"{$this->base}/contacts/v1/lists?hapikey=\" . getenv('HAPIKEY')); return curl_exec($ch); } }\n"
         "class M extends C { protected $base = 'http://localhost:8080'; }\n", "redeclared by the subclass M"),
        ("use Illuminate\\Support\\Facades\\Http;\n"
         "function lists() { return Http::baseUrl(env('HUBSPOT_BASE', 'http://localhost:8080'))"
         "->get('/contacts/v1/lists', ['hapikey' => env('HAPIKEY')]); }\n", "localhost"),
        ("use GuzzleHttp\\Client;\nclass Hs { private $http;\n"
         " public function __construct(Client $http) { $this->http = $http; }\n"
         " public function lists() { return $this->http->get('/contacts/v1/lists', ['query' => ['hapikey' => getenv('HAPIKEY')]]); } }\n",
         "the request's client comes from $this->http"),
    ],
    ids=["interpolated", "sprintf", "heredoc", "global table", "function returning",
         "static property of a subclass", "property of a subclass", "laravel baseUrl", "injected guzzle"],
)  # fmt: skip
def test_php_a_host_that_may_not_be_hubspots_stays_manual(source, named):
    result, sites = _php(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert named in sites[0].reason, sites[0].reason
    assert result.new is None


def test_php_a_host_chosen_among_hubspots_own_still_migrates():
    result, (site,) = _php(
        "function lists() {\n"
        "    $base = getenv('EU') ? 'https://api-eu1.hubapi.com' : 'https://api.hubapi.com';\n"
        "    $ch = curl_init(\"$base/contacts/v1/lists?hapikey=\" . getenv('HAPIKEY') . '&count=5');\n"
        "    return curl_exec($ch);\n}\n"
    )
    assert site.status == Status.REWRITE, site.reason
    assert b"hapikey" not in result.new and b"Bearer" in result.new


# -- review 13: a request's own base (J11, J12) -----------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "const axios = require('axios');\n"
        "axios.get('/contacts/v1/lists', { baseURL: 'http://localhost:8080', params: { hapikey: KEY } });\n",
        "const axios = require('axios');\n"
        "axios({ baseURL: 'http://localhost:8080', url: `/contacts/v1/lists?hapikey=${KEY}` });\n",
        "const request = require('request');\n"
        "request({ baseUrl: 'http://localhost:8080', uri: '/contacts/v1/lists', qs: { hapikey: KEY } }, () => {});\n",
        "const axios = require('axios');\n"
        "axios.get(`/contacts/v1/lists?hapikey=${KEY}`, { baseURL: process.env.MIRROR || 'http://localhost:8080' });\n",
        "const url = new URL('/contacts/v1/lists', 'http://localhost:8080');\n"
        "url.searchParams.set('hapikey', KEY);\nfetch(url);\n",
    ],
    ids=[
        "axios baseURL",
        "axios config",
        "request baseUrl",
        "baseURL fallback",
        "new URL base",
    ],
)
def test_a_requests_own_base_of_another_host_stays_manual(source):
    result, sites = _js(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert "localhost" in sites[0].reason, sites[0].reason
    assert result.new is None


def test_a_requests_own_hubspot_base_migrates():
    result, (site,) = _js(
        "const axios = require('axios');\n"
        "axios.get('/contacts/v1/lists', { baseURL: 'https://api.hubapi.com', params: { hapikey: KEY } });\n"
    )
    assert site.status == Status.REWRITE, site.reason
    assert b"hapikey" not in result.new and b"Bearer" in result.new


@pytest.mark.parametrize(
    "source",
    [
        "use Symfony\\Component\\HttpClient\\HttpClient;\nfunction b() {\n"
        "    $client = HttpClient::create(['base_uri' => 'http://localhost:8080']);\n"
        "    return $client->request('GET', '/contacts/v1/lists', ['query' => ['hapikey' => getenv('HAPIKEY')]]);\n}\n",
        "use Symfony\\Component\\HttpClient\\HttpClient;\nfunction b() {\n"
        "    $client = HttpClient::create(['base_uri' => 'http://localhost:8080']);\n"
        "    return $client->request('GET', '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n}\n",
        "function a() {\n    $client = new \\GuzzleHttp\\Client(['base_uri' => 'https://api.hubapi.com']);\n"
        "    return $client->get('/owners/v2/owners');\n}\n"
        "function b() {\n    $client = new \\GuzzleHttp\\Client(['base_uri' => 'http://localhost:8080']);\n"
        "    return $client->request('GET', 'contacts/v1/lists', ['query' => ['hapikey' => getenv('HAPIKEY')]]);\n}\n",
        "function c() {\n    $client = new \\GuzzleHttp\\Client(['base_uri' => getenv('X') ?: 'http://localhost:8080']);\n"
        "    return $client->get('/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n}\n",
    ],
    ids=["symfony query", "symfony url", "two functions' clients", "guzzle fallback"],
)
def test_php_a_clients_base_of_another_host_stays_manual(source):
    result, sites = _php(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert "localhost" in sites[0].reason, sites[0].reason
    assert result.new is None


# -- review 13 J7: a key named like a developer key sent to an ordinary endpoint --------


def test_a_developer_named_key_to_a_token_endpoint_is_manual_not_kept():
    _, sites = _js(
        "fetch(`https://api.hubapi.com/contacts/v1/contact?hapikey=${process.env.HUBSPOT_DEV_API_KEY}`, { method: 'POST' });\n"
        "fetch(`https://api.hubapi.com/webhooks/v1/123/settings?hapikey=${process.env.HUBSPOT_DEVELOPER_KEY}`);\n"
    )
    assert [s.status for s in sites] == [Status.MANUAL, Status.KEPT]
    assert "name says developer key" in sites[0].reason
    _, sites = _php(
        "$ch = curl_init('https://api.hubapi.com/contacts/v1/contact?hapikey=' . getenv('HUBSPOT_DEV_API_KEY'));\n"
        "curl_exec($ch);\n"
        "$ch2 = curl_init('https://api.hubapi.com/webhooks/v1/123/settings?hapikey=' . getenv('HUBSPOT_DEVELOPER_KEY'));\n"
        "curl_exec($ch2);\n"
    )
    assert [s.status for s in sites] == [Status.MANUAL, Status.KEPT]
    assert "name says developer key" in sites[0].reason


# -- review 13 J2: SDK clients sent elsewhere, handed on, or holding a developer key ----


@pytest.mark.parametrize(
    "source, status, named",
    [
        ("const Hubspot = require('hubspot');\nconst hubspot = new Hubspot({ apiKey: process.env.HAPIKEY });\n"
         "hubspot.webhooks.createSubscription(1, {});\nhubspot.timelines.createEventType(1, 1, {});\n",
         Status.KEPT, "developer-key"),
        ("const Hubspot = require('hubspot');\nconst hubspot = new Hubspot({ apiKey: process.env.HAPIKEY });\n"
         "hubspot.apiRequest({ method: 'GET', path: '/webhooks/v1/123/settings' });\n", Status.KEPT, "developer-key"),
        ("const Hubspot = require('hubspot');\nconst hubspot = new Hubspot({ apiKey: process.env.HAPIKEY });\n"
         "hubspot.webhooks.createSubscription(1, {});\nhubspot.contacts.get();\n", Status.MANUAL, "developer-key"),
        ("const Hubspot = require('hubspot');\n"
         "const hubspot = new Hubspot({ apiKey: process.env.HAPIKEY, baseUrl: process.env.B || 'http://localhost:8080' });\n"
         "hubspot.contacts.get();\n", Status.MANUAL, "localhost"),
        ("const hubspot = require('@hubspot/api-client');\n"
         "const client = new hubspot.Client({ apiKey: process.env.HAPIKEY, basePath: 'http://localhost:8080' });\n"
         "client.crm.contacts.basicApi.getPage();\n", Status.MANUAL, "localhost"),
        ("const hubspot = require('@hubspot/api-client');\n"
         "const client = new hubspot.Client({ apiKey: process.env.HAPIKEY });\nmodule.exports = client;\n",
         Status.MANUAL, "handed on"),
        ("const hubspot = require('@hubspot/api-client');\n"
         "module.exports = new hubspot.Client({ apiKey: process.env.HAPIKEY });\n", Status.MANUAL, "not kept in a name"),
    ],
    ids=["legacy webhooks", "legacy apiRequest", "legacy mixed", "legacy baseUrl", "basePath",
         "exported", "exported unnamed"],
)  # fmt: skip
def test_an_sdk_client_is_migrated_only_when_all_it_does_is_seen(source, status, named):
    result, _ = _js(source)
    (site,) = [s for s in result.sites if s.kind.value == "sdk"]
    assert site.status == status and named in site.reason, site.reason
    assert result.new is None


def test_an_sdk_client_used_for_the_crm_in_its_file_still_migrates():
    result, _ = _js(
        "const Hubspot = require('hubspot');\nconst hubspot = new Hubspot({ apiKey: process.env.HAPIKEY });\n"
        "hubspot.contacts.get();\n"
    )
    (site,) = [s for s in result.sites if s.kind.value == "sdk"]
    assert site.status == Status.REWRITE and b"accessToken" in result.new


# -- review 13 J4: a PHP SDK client handed on ----------------------------------------------


@pytest.mark.parametrize(
    "source, named",
    [
        ("use HubSpot\\Factory;\nfunction hs() { return Factory::createWithApiKey(getenv('HAPIKEY')); }\n"
         "function setup($app) { $h = hs(); return $h->webhooks()->viewSettings($app); }\n", "handed on as it is made"),
        ("use HubSpot\\Factory;\nclass S { private $hubspot;\n"
         " public function __construct() { $this->hubspot = Factory::createWithApiKey(getenv('HAPIKEY')); }\n"
         " public function client() { return $this->hubspot; }\n"
         " public function contacts() { return $this->hubspot->crm()->contacts()->basicApi()->getPage(); } }\n", "handed on on line 5"),
        ("use HubSpot\\Factory;\nclass S { public $hubspot;\n"
         " public function __construct() { $this->hubspot = Factory::createWithApiKey(getenv('HAPIKEY')); }\n"
         " public function contacts() { return $this->hubspot->crm()->contacts()->basicApi()->getPage(); } }\n", "outside its class"),
    ],
    ids=["returned", "property returned", "public property"],
)  # fmt: skip
def test_php_an_sdk_client_handed_on_stays_manual(source, named):
    result = php.process(
        "worker.php", ("<?php\n" + source).encode(), RunOptions(providers.resolve(None))
    )
    (site,) = [s for s in result.sites if s.kind.value == "sdk"]
    assert site.status == Status.MANUAL and named in site.reason, site.reason
    assert result.new is None


# -- review 13 J5: an ES module given a CommonJS provider of the project --------------------


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_an_es_module_imports_a_commonjs_provider_by_its_default_export(tmp_path):
    _project(
        tmp_path,
        {
            # Node's guess of CommonJS named exports misses an arrow in an object
            "auth/tokens.js": "module.exports = { getToken: () => process.env.HUBSPOT_ACCESS_TOKEN };\n",
            "app.mjs": "const res = await fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
            "console.log(res.status);\n",
        },
        {"name": "w", "private": True},
    )
    path = str(tmp_path / "app.mjs")
    provider = providers.resolve("auth.tokens:getToken")
    result = javascript.process(
        path, (tmp_path / "app.mjs").read_bytes(), RunOptions(provider)
    )
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert b"import hubspotTokenProvider from './auth/tokens.js'" in result.new
    (tmp_path / "app.mjs").write_bytes(result.new)
    with StandIn(TOKEN, "developer-key") as standin:
        assert _run_node(tmp_path, standin, "app.mjs") == ["200"]
        (seen,) = standin.seen
    assert seen.authorization == f"Bearer {TOKEN}" and seen.hapikey is None


# -- review 13 J15: a query option replaces the URL's own query -------------------------------


@pytest.mark.parametrize(
    "source, kept",
    [
        ("use GuzzleHttp\\Client;\nfunction a() { $client = new Client();\n"
         "    return $client->request('GET', 'https://api.hubapi.com/contacts/v1/lists?count=250', "
         "['query' => ['hapikey' => getenv('HAPIKEY')]]); }\n", "?count=250', ['query' => []"),
        ("use Illuminate\\Support\\Facades\\Http;\n"
         "function a() { return Http::get('https://api.hubapi.com/contacts/v1/lists?count=250', ['hapikey' => getenv('HAPIKEY')]); }\n",
         "?count=250', [])"),
    ],
    ids=["guzzle", "laravel"],
)  # fmt: skip
def test_php_an_emptied_query_option_stays_so_the_urls_query_is_still_replaced(
    source, kept
):
    result, (site,) = _php(source)
    assert site.status == Status.REWRITE, site.reason
    assert kept in result.new.decode() and b"hapikey" not in result.new


# -- review 13 J14: plain http to HubSpot ---------------------------------------------------


def test_plain_http_to_hubspot_is_manual_but_a_form_still_loses_its_key():
    _, sites = _js(
        "fetch(`http://api.hubapi.com/contacts/v1/lists?hapikey=${KEY}`);\n"
        "fetch(`http://forms.hubspot.com/uploads/form/v2/1/abc?hapikey=${KEY}`, { method: 'POST' });\n"
    )
    assert [s.status for s in sites] == [Status.MANUAL, Status.REWRITE]
    assert "http://" in sites[0].reason
    _, (site,) = _php(
        "$ch = curl_init('http://api.hubapi.com/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
        "curl_exec($ch);\n"
    )
    assert site.status == Status.MANUAL and "http://" in site.reason


# -- review 13 J10: SDK clients whose key is in options built elsewhere ----------------------


@pytest.mark.parametrize(
    "source",
    [
        "const hubspot = require('@hubspot/api-client');\n"
        "const opts = { apiKey: 'f00dfeed-1234-5678-9abc-def012345678', numberOfApiCallRetries: 3 };\n"
        "const client = new hubspot.Client(opts);\n",
        "const Hubspot = require('hubspot');\n"
        "const hubspot = new Hubspot(Object.assign({ checkLimit: false }, { apiKey: process.env.HAPIKEY }));\n",
    ],
    ids=["a const", "Object.assign"],
)
def test_an_sdk_clients_key_in_options_built_elsewhere_is_a_manual_site(source):
    result, _ = _js(source)
    (site,) = [s for s in result.sites if s.kind.value == "sdk"]
    assert site.status == Status.MANUAL and "built elsewhere" in site.reason
    assert "f00dfeed" not in site.reason  # a key's value is never shown
    assert result.new is None


def test_php_a_factory_given_its_configuration_in_a_variable_is_a_manual_site():
    result, _ = _php(
        "use SevenShores\\Hubspot\\Factory as HubSpotFactory;\n"
        "$config = ['key' => getenv('HAPIKEY')];\n$hs = new HubSpotFactory($config);\n"
        "$hs->contacts()->all();\n"
    )
    (site,) = [s for s in result.sites if s.kind.value == "sdk"]
    assert site.status == Status.MANUAL and "kept in $config" in site.reason


# -- review 13 (later shapes): every way a host value reaches a URL -----------------------


@pytest.mark.parametrize(
    "source, named",
    [
        ("var BASE = 'https://api.hubapi.com';\nif (process.env.MOCK) { var BASE = 'http://localhost:3001'; }\n"
         "fetch(`${BASE}/contacts/v1/lists?hapikey=${KEY}`);\n", "localhost"),
        ("let BASE = 'https://api.hubapi.com';\n[BASE] = process.env.MOCK ? ['http://localhost:3001'] : [BASE];\n"
         "fetch(`${BASE}/contacts/v1/lists?hapikey=${KEY}`);\n", "cannot read"),
        ("fetch(`${globalThis.HUBSPOT_BASE}/contacts/v1/lists?hapikey=${KEY}`);\n", "cannot read"),
    ],
    ids=["var again in a block", "destructuring assignment", "a global"],
)  # fmt: skip
def test_js_a_host_set_another_way_stays_manual(source, named):
    result, sites = _js(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert named in sites[0].reason, sites[0].reason


@pytest.mark.parametrize(
    "source, named",
    [
        ("$GLOBALS['hs_base'] = getenv('SANDBOX') ? 'http://localhost:8080' : 'https://api.hubapi.com';\n"
         "function lists() { $ch = curl_init($GLOBALS['hs_base'] . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
         " return curl_exec($ch); }\n", "localhost"),
        ("function lists() { static $base = 'http://localhost:8080';\n"
         " $ch = curl_init($base . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY')); return curl_exec($ch); }\n",
         "localhost"),
        ("function lists() { $cfg = require __DIR__ . '/config.php';\n"
         " $ch = curl_init($cfg['hubspot_base'] . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY')); return curl_exec($ch); }\n",
         "cannot read"),
        ("function lists() { list($base) = [getenv('SANDBOX') ? 'http://localhost:8080' : 'https://api.hubapi.com'];\n"
         " $ch = curl_init($base . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY')); return curl_exec($ch); }\n",
         "destructuring"),
        ("use Illuminate\\Support\\Facades\\Http;\n"
         "function b() { return Http::withOptions(['base_uri' => 'http://localhost:8080'])"
         "->get('/contacts/v1/lists', ['hapikey' => config('services.hubspot.key')]); }\n", "localhost"),
        ("function lists() { $ch = curl_init(hubspot_base() . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\n"
         " return curl_exec($ch); }\n", "a function not declared in this file"),
    ],
    ids=["$GLOBALS", "static", "required config", "list()", "laravel withOptions", "another file's function"],
)  # fmt: skip
def test_php_a_host_set_another_way_stays_manual(source, named):
    result, sites = _php(source)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert named in sites[0].reason, sites[0].reason
    assert result.new is None


@pytest.mark.parametrize(
    "base",
    [
        "getenv('HUBSPOT_BASE')",
        "$_ENV['HUBSPOT_BASE']",
        "config('services.hubspot.base')",
        "HUBSPOT_BASE",
    ],
    ids=["getenv", "$_ENV", "config", "a constant of the file"],
)
def test_php_a_host_read_from_settings_still_migrates(base):
    result, (site,) = _php(
        "define('HUBSPOT_BASE', 'https://api.hubapi.com');\n"
        f"$ch = curl_init({base} . '/contacts/v1/lists?hapikey=' . getenv('HAPIKEY'));\ncurl_exec($ch);\n"
    )
    assert site.status == Status.REWRITE, site.reason


# -- review 13 (probes): a key another module gives, per tenant or not known for configuration --


@pytest.mark.parametrize(
    "binding, key, named",
    [
        ("const { tenant } = require('./ctx');\n", "tenant.hapikey", "state per request, user or tenant"),
        ("const { row } = require('./db');\n", "row.hapikey", "state per request, user or tenant"),
        ("import { account } from './models.js';\n", "account.apiKey", "state per request, user or tenant"),
        ("const { opts } = require('./ctx');\n", "opts.key", "does not know for the app's configuration"),
    ],
    ids=["tenant", "row", "account", "an object of another module"],
)  # fmt: skip
def test_a_key_another_module_gives_per_tenant_stays_manual(binding, key, named):
    result, (site,) = _js(
        binding
        + f"fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${{{key}}}`);\n"
    )
    assert site.status == Status.MANUAL and named in site.reason, site.reason
    assert result.new is None


@pytest.mark.parametrize(
    "binding, key",
    [
        ("import { HUBSPOT_API_KEY } from './constants.js';\n", "HUBSPOT_API_KEY"),
        ("const { hubspot } = require('./config');\n", "hubspot.apiKey"),
        ("const { apiKey } = require('./settings');\n", "apiKey"),
    ],
    ids=["a constant", "a config module", "a settings module"],
)
def test_a_key_from_the_apps_configuration_module_still_migrates(binding, key):
    result, (site,) = _js(
        binding
        + f"fetch(`https://api.hubapi.com/contacts/v1/lists?hapikey=${{{key}}}`);\n"
    )
    assert site.status == Status.REWRITE, site.reason


@pytest.mark.parametrize(
    "source",
    [
        "$client = \\HubSpot\\Factory::createWithApiKey(getenv('HAPIKEY'), "
        "new \\GuzzleHttp\\Client(['base_uri' => 'http://localhost:8080']));\n"
        "$client->crm()->contacts()->basicApi()->getPage();\n",
        "use SevenShores\\Hubspot\\Factory;\n"
        "$hubspot = new Factory(['key' => getenv('HAPIKEY'), 'base_url' => 'http://localhost:8080']);\n"
        "$hubspot->contacts()->all();\n",
    ],
    ids=["api-client given a Guzzle client", "SevenShores base_url"],
)
def test_php_an_sdk_client_made_with_another_base_stays_manual(source):
    result = php.process(
        "worker.php", ("<?php\n" + source).encode(), RunOptions(providers.resolve(None))
    )
    (site,) = [s for s in result.sites if s.kind.value == "sdk"]
    assert site.status == Status.MANUAL and "localhost" in site.reason, site.reason
    assert result.new is None


def test_a_host_another_module_writes_is_read_there(tmp_path):
    _project(
        tmp_path,
        {
            "constants.mjs": "export const HUBSPOT_API = 'https://api.hubapi.com';\n"
            "export const MIRROR = process.env.M || 'http://localhost:1';\n",
            "config.js": "const BASE = 'https://api.hubapi.com';\n"
            "module.exports = { BASE, OTHER: 'http://localhost:2' };\n",
            "a.mjs": "import { HUBSPOT_API, MIRROR } from './constants.mjs';\n"
            "fetch(`${HUBSPOT_API}/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
            "fetch(`${MIRROR}/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
            "b.js": "const { BASE, OTHER } = require('./config');\n"
            "fetch(`${BASE}/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n"
            "fetch(`${OTHER}/contacts/v1/lists?hapikey=${process.env.HAPIKEY}`);\n",
        },
        {"name": "w", "private": True},
    )
    for name, other in (("a.mjs", "localhost"), ("b.js", "localhost")):
        result = _migrate(tmp_path, name)
        first, second = [s for s in result.sites if s.kind.value == "url"]
        assert first.status == Status.REWRITE, first.reason
        assert second.status == Status.MANUAL and other in second.reason
