"""The text scanner of `hapimigrate check`: what is a use in each language, what
only looks like one, and the SDK clients and literal keys found outside Python.

Each case is (file name, content, the rule ids `check` reports, in order). Keys
are made up: KEY is a UUID like a portal API key."""

from __future__ import annotations

import pytest

from hapimigrate import prefilter, textscan
from hapimigrate.model import Status
from hapimigrate.rules import message, rule_for
from tests.conftest import invoke

KEY = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"
URL = "https://api.hubapi.com/contacts/v1/lists"

LOOK_ALIKES = [
    # an identifier named hapikey that no request sends
    ("a.py", "print 'x'\ndef fetch(hapikey):\n    pass\n", []),
    ("b.py", "print 'x'\ndef fetch(url, hapikey=None, retries=3):\n    pass\n", []),
    (
        "c.py",
        "print 'x'\ndef fetch(\n    url,\n    hapikey=DEFAULT,\n):\n    pass\n",
        [],
    ),
    (
        "d.py",
        "print 'x'\nclass C:\n    def __init__(self, x):\n        self.hapikey = x\n",
        [],
    ),
    ("e.py", "print 'x'\nhapikey = os.environ['HUBSPOT_KEY']\n", []),
    ("f.py", "print 'x'\ndef f(hapikey: str = ''):\n    pass\n", []),
    ("g.py", "print 'x'\nif hapikey == other:\n    pass\n", []),
    ("h.py", "print 'x'\nKEY = os.getenv('HAPIKEY', '')\n", []),
    ("i.py", "print 'x'\nSENSITIVE = ('hapikey', 'access_token')\n", []),
    ("j.py", "print 'x'\nvalue = params.get('hapikey')\n", []),
    (
        "k.py",
        "print 'x'\nlookup = {hapikey: 1}\n",
        [],
    ),  # the variable's value is the key
    ("a.js", "const hapikey = process.env.HUBSPOT_KEY;\n", []),
    ("b.js", "let hapikey;\nhapikey = readKey();\n", []),
    ("c.js", "class C {\n  constructor(k) {\n    this.hapikey = k;\n  }\n}\n", []),
    ("d.js", "function get(url, hapikey = '') {\n  return url;\n}\n", []),
    ("e.js", "const keys = all.map(hapikey => hapikey.trim());\n", []),
    ("f.js", "const { hapikey } = config;\n", []),
    ("g.js", "import { hapikey } from './settings';\n", []),
    ("h.js", "const load = ({ hapikey }) => hapikey;\n", []),
    ("i.js", "const opts = { hapikey: false, retries: 3 };\n", []),
    ("j.js", "module.exports = {\n  hapikey: null,\n};\n", []),
    ("k.ts", "interface Options {\n  hapikey: string;\n}\n", []),
    ("l.ts", "class C {\n  private hapikey: string = process.env.K;\n}\n", []),
    ("m.js", "if (options.hapikey === undefined) {}\n", []),
    ("n.js", "send(url, hapikey);\n", []),
    ("a.json", '{"features": {"hapikey": false, "oauth": true}}\n', []),
    ("b.json", '{"hapikey": null}\n', []),
    ("a.yml", "legacy:\n  hapikey: false\n", []),
    ("b.yml", "legacy:\n  hapikey: ~\n", []),
    ("a.php", "<?php\n$hapikey = getenv('HUBSPOT_KEY');\n", []),
    ("b.php", "<?php\nfunction get($url, $hapikey = null) {}\n", []),
    ("c.php", "<?php\n$this->hapikey = $key;\n", []),
    ("a.rb", "hapikey = ENV['HUBSPOT_KEY']\n@hapikey = hapikey\n", []),
    ("a.sh", "HAPIKEY=$(vault read -field=key secret/hubspot)\nexport HAPIKEY\n", []),
    ("b.sh", 'if [ -z "$X" ]; then HAPIKEY="$1"; fi\n', []),
    # a literal key assigned to such a name is still a key in the code
    ("l.py", f"print 'x'\nhapikey = '{KEY}'\n", ["HM004"]),
    ("o.js", f"const hapikey = '{KEY}';\n", ["HM004"]),
    ("d.php", f"<?php\n$hapikey = '{KEY}';\n", ["HM004"]),
    ("c.sh", f"export HAPIKEY={KEY}\n", ["HM004"]),
]

USES = [
    # hapikey in URLs, as a key holding a value, as a keyword argument
    ("a.sh", 'curl "https://api.hubapi.com/x?hapikey=$HAPIKEY"\n', ["HM005"]),
    ("b.sh", "curl https://api.hubapi.com/x?limit=1\\&hapikey=$K\n", ["HM005"]),
    ("c.sh", "curl -G -d hapikey=$HAPIKEY https://api.hubapi.com/x\n", ["HM005"]),
    ("d.sh", f"curl 'https://api.hubapi.com/x?hapikey={KEY}'\n", ["HM004"]),
    # JavaScript and PHP go through their front ends (the [js,php] extras, installed
    # with [dev]): a use is a URL (HM001) or params (HM002) site, as in Python
    ("a.js", f'fetch("{URL}?hapikey=" + key);\n', ["HM001"]),
    ("b.js", "axios.get(url, { params: { hapikey: KEY } });\n", ["HM002"]),
    ("c.js", "axios.get(url, { params: { hapikey } });\n", ["HM002"]),
    ("d.js", "const query = {\n  limit: 10,\n  hapikey,\n};\n", ["HM002"]),
    ("e.js", 'params["hapikey"] = key;\n', ["HM005"]),
    ("f.js", "url.searchParams.set('hapikey', key);\n", ["HM002"]),
    ("g.js", "query.hapikey = process.env.HAPIKEY;\n", ["HM005"]),
    ("h.js", "qs.stringify({ hapikey })\n", ["HM002"]),
    ("a.php", "<?php\n$query['hapikey'] = $key;\n", ["HM002"]),
    (
        "b.php",
        "<?php\n$q = http_build_query(['hapikey' => $key, 'count' => 10]);\n",
        ["HM002"],
    ),
    ("c.php", f"<?php\ndefine('HAPIKEY', '{KEY}');\n", ["HM004"]),
    ("a.rb", 'params["hapikey"] = key\n', ["HM005"]),
    ("b.rb", "params[:hapikey] = key\n", ["HM005"]),
    ("c.rb", "HTTParty.get(url, query: { hapikey: key })\n", ["HM005"]),
    ("d.rb", "HTTParty.get(url, query: { :hapikey => key })\n", ["HM005"]),
    ("a.py", "def f((a, b)): pass\nparams['hapikey'] = KEY\n", ["HM005"]),
    (
        "b.py",
        "def f((a, b)): pass\nr = get(url, params=dict(hapikey=KEY))\n",
        ["HM005"],
    ),
    ("c.py", "def f((a, b)): pass\nq = urlencode([('hapikey', KEY)])\n", ["HM005"]),
    (
        "d.py",
        "def f((a, b)): pass\nq = dict(\n    limit=1,\n    hapikey=KEY,\n)\n",
        ["HM005"],
    ),
    ("a.yml", "hubspot:\n  hapikey: ${HAPIKEY}\n", ["HM005"]),
    ("a.json", '{"hapikey": "%HAPIKEY%"}\n', ["HM005"]),
    ("b.json", f'{{"hapikey": "{KEY}"}}\n', ["HM004"]),
    ("a.toml", '[hubspot]\nhapikey = "changeme"\n', ["HM005"]),
    (".env", "HAPIKEY=\n", ["HM005"]),  # the app still takes a portal key
    ("a.html", f'<script src="{URL}?hapikey={{{{ key }}}}"></script>\n', ["HM005"]),
]

SDK_CLIENTS = [
    # Node: @hubspot/api-client and the hubspot package
    (
        "a.js",
        "const hubspot = require('@hubspot/api-client');\n"
        "const client = new hubspot.Client({ apiKey: process.env.HUBSPOT_API_KEY });\n",
        ["HM003"],
    ),
    (
        "b.ts",
        "import { Client } from '@hubspot/api-client';\n"
        "const client = new Client({\n  apiKey,\n  numberOfApiCallRetries: 3,\n});\n",
        ["HM003"],
    ),
    (
        "c.js",
        "const hs = require('@hubspot/api-client');\n"
        "const client = new hs.Client({ 'apiKey': hubspotApiKey });\n",
        ["HM003"],
    ),
    (
        "d.js",
        "const Hubspot = require('hubspot');\n"
        "const hubspot = new Hubspot({\n  apiKey: process.env.KEY,\n  checkLimit: false,\n});\n",
        ["HM003"],
    ),
    (
        "e.js",
        f"const Hubspot = require('hubspot');\nnew Hubspot({{ apiKey: '{KEY}' }});\n",
        ["HM004"],
    ),
    (
        "f.js",
        "const hubspot = require('@hubspot/api-client');\n"
        "const client = new hubspot.Client();\nclient.setApiKey(process.env.KEY);\n",
        ["HM003"],
    ),
    # PHP: hubspot/api-client and SevenShores hubspot-php
    (
        "a.php",
        "<?php\n$hubspot = \\HubSpot\\Factory::createWithApiKey(getenv('HUBSPOT_KEY'));\n",
        ["HM003"],
    ),
    (
        "b.php",
        "<?php\nuse HubSpot\\Factory;\n$hubspot = Factory::createWithApiKey($key);\n",
        ["HM003"],
    ),
    (
        "c.php",
        "<?php\n$hubspot = SevenShores\\Hubspot\\Factory::create($key);\n",
        ["HM003"],
    ),
    (
        "d.php",
        "<?php\nuse SevenShores\\Hubspot\\Factory;\n\n$hubspot = Factory::create(getenv('HS_KEY'));\n",
        ["HM003"],
    ),
    (
        "e.php",
        "<?php\nuse SevenShores\\Hubspot\\Factory as HubSpotFactory;\n$h = HubSpotFactory::create($k);\n",
        ["HM003"],
    ),
    (
        "f.php",
        "<?php\nuse SevenShores\\Hubspot\\Factory;\n$h = new Factory(['key' => $k, 'oauth2' => false]);\n",
        ["HM003"],
    ),
    (
        "g.php",
        f"<?php\n$hubspot = \\HubSpot\\Factory::createWithApiKey('{KEY}');\n",
        ["HM004"],
    ),
    # Ruby: the hubspot-ruby gem, hubspot-api-client's configure block
    ("a.rb", 'Hubspot.configure(hapikey: ENV["HUBSPOT_API_KEY"])\n', ["HM003"]),
    (
        "b.rb",
        "HubspotLegacy.configure(\n  hapikey: ENV.fetch('HAPIKEY'),\n  portal_id: 62515,\n)\n",
        ["HM003"],
    ),
    (
        "c.rb",
        "Hubspot.configure do |config|\n  config.api_key['hapikey'] = ENV['HUBSPOT_API_KEY']\nend\n",
        ["HM003"],
    ),
    # Python that does not parse (Python 2)
    (
        "a.py",
        "from hubspot import HubSpot\nprint 'x'\napi = HubSpot(api_key=KEY)\n",
        ["HM003"],
    ),
    (
        "b.py",
        "from hubspot3 import Hubspot3\nprint 'x'\nclient = Hubspot3(api_key=KEY)\n",
        ["HM003"],
    ),
    (
        "c.py",
        "import hubspot\nprint 'x'\nclient = hubspot.Client.create(\n    api_key=KEY,\n)\n",
        ["HM003"],
    ),
    ("d.py", "from hubspot import HubSpot\nprint 'x'\napi = HubSpot(KEY)\n", ["HM003"]),
    (
        "e.py",
        f"from hubspot import HubSpot\nprint 'x'\napi = HubSpot(api_key='{KEY}')\n",
        ["HM004"],
    ),
    (
        "f.py",
        "from hapi.contacts import ContactsClient\nprint 'x'\nc = ContactsClient(api_key=KEY)\n",
        ["HM003"],
    ),
]

NOT_SDK_CLIENTS = [
    (
        "a.js",
        "const hubspot = require('@hubspot/api-client');\nnew hubspot.Client({ accessToken: token });\n",
        [],
    ),
    (
        "b.js",
        "const { Client } = require('pg');\nconst db = new Client({ apiKey: x });\n",
        [],
    ),
    (
        "c.js",
        "const hubspot = require('@hubspot/api-client');\nnew hubspot.Client({ developerApiKey: k });\n",
        [],
    ),
    (
        "d.js",
        "const Hubspot = require('hubspot');\nnew Hubspot({ apiKey: undefined, accessToken: t });\n",
        [],
    ),
    (
        "a.php",
        "<?php\n$hubspot = \\HubSpot\\Factory::createWithAccessToken($token);\n",
        [],
    ),
    (
        "b.php",
        "<?php\n$hubspot = \\HubSpot\\Factory::createWithDeveloperApiKey($key);\n",
        [],
    ),
    (
        "c.php",
        "<?php\nuse SevenShores\\Hubspot\\Factory;\n$h = Factory::createWithOAuth2Token($token);\n",
        [],
    ),
    (
        "d.php",
        "<?php\nuse HubSpot\\Factory;\n$h = Factory::create(null, $config);\n",
        [],
    ),
    (
        "e.php",
        "<?php\nuse SevenShores\\Hubspot\\Factory;\n$h = new Factory(['key' => $t, 'oauth2' => true]);\n",
        [],
    ),
    ("a.rb", "Hubspot.configure(access_token: ENV['HUBSPOT_TOKEN'])\n", []),
    (
        "a.py",
        "from hubspot import HubSpot\nprint 'x'\napi = HubSpot(access_token=TOKEN)\n",
        [],
    ),
    ("b.py", "print 'x'\nclient = HttpClient(api_key=KEY)\n", []),  # not hapipy
]

LITERAL_KEYS = [
    (".env", f"HUBSPOT_API_KEY={KEY}\n", ["HM004"]),
    ("prod.env", f'export HUBSPOT_KEY="{KEY}"\n', ["HM004"]),
    ("a.yml", f"hubspot_api_key: {KEY}\n", ["HM004"]),
    ("b.yml", f"services:\n  hubspot:\n    api_key: '{KEY}'\n", ["HM004"]),
    ("a.ini", f"[hubspot]\nportal_id = 62515\napi_key = {KEY}\n", ["HM004"]),
    ("a.toml", f'[tool.hubspot]\napiKey = "{KEY}"\n', ["HM004"]),
    ("a.properties", f"hubspot.api.key={KEY}\n", ["HM004"]),
    ("a.json", f'{{\n  "hubspot": {{\n    "apiKey": "{KEY}"\n  }}\n}}\n', ["HM004"]),
    ("b.json", f'{{"hubspotApiKey": "{KEY}"}}\n', ["HM004"]),
    ("a.sh", f"export HS_API_KEY={KEY}\n", ["HM004"]),
    ("a.js", f"const HUBSPOT_API_KEY = '{KEY}';\n", ["HM004"]),
    # never an empty value, a placeholder, a token or another service's key
    (".env.example", "HUBSPOT_API_KEY=\n", []),
    ("b.env", "HUBSPOT_API_KEY=YOUR_API_KEY\n", []),
    ("c.env", "HUBSPOT_API_KEY=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\n", []),
    ("d.env", "HUBSPOT_API_KEY=<your key>\n", []),
    ("e.env", "HUBSPOT_API_KEY=changeme\n", []),
    ("f.env", "HUBSPOT_API_KEY=00000000-0000-0000-0000-000000000000\n", []),
    ("g.env", f"HUBSPOT_ACCESS_TOKEN=pat-na1-{KEY}\n", []),
    ("h.env", f"HUBSPOT_API_KEY=pat-na1-{KEY}\n", []),  # a private-app token
    ("i.env", f"HUBSPOT_CLIENT_SECRET={KEY}\n", []),  # OAuth, not an API key
    ("j.env", f"STRIPE_API_KEY={KEY}\n", []),
    ("b.ini", f"[stripe]\napi_key = {KEY}\n", []),
    ("c.yml", f"stripe:\n  api_key: {KEY}\nhubspot:\n  portal: 1\n", []),
    ("k.env", f"# HUBSPOT_API_KEY={KEY}\n", []),  # a comment: --strict only
]

CASES = [
    *(("look-alike", *case) for case in LOOK_ALIKES),
    *(("use", *case) for case in USES),
    *(("sdk", *case) for case in SDK_CLIENTS),
    *(("not sdk", *case) for case in NOT_SDK_CLIENTS),
    *(("literal key", *case) for case in LITERAL_KEYS),
]


def check_rules(tmp_path, name: str, content: str, *args: str) -> list[str]:
    (tmp_path / name).write_text(content)
    result = invoke("check", "--format", "text", *args, name, cwd=tmp_path)
    assert result.exit_code in (0, 1), result.output
    assert KEY not in result.stdout + result.stderr
    return [line.split(": ", 1)[1].split()[0] for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "name, content, expected",
    [case[1:] for case in CASES],
    ids=[f"{case[0]}: {case[1]} {case[2].splitlines()[-1][:40]}" for case in CASES],
)
def test_what_check_reports(tmp_path, name, content, expected):
    assert check_rules(tmp_path, name, content) == expected


def test_a_commented_literal_key_counts_with_strict(tmp_path):
    assert check_rules(tmp_path, ".env", f"# HUBSPOT_API_KEY={KEY}\n", "--strict") == [
        "HM004"
    ]


def test_a_developer_key_written_in_configuration_is_a_note(tmp_path):
    content = f"HUBSPOT_DEVELOPER_API_KEY={KEY}\n"
    (tmp_path / ".env").write_text(content)
    result = invoke("check", ".env", cwd=tmp_path)
    assert result.exit_code == 0
    assert result.stdout.startswith(".env:1:1: HM004 ")
    assert "developer API key" in result.stdout
    assert invoke("check", "--strict", ".env", cwd=tmp_path).exit_code == 1


@pytest.mark.parametrize(
    "name, content, advice",
    [
        (  # the front end migrates it (apiKey becomes accessToken)
            "a.js",
            "const hubspot = require('@hubspot/api-client');\n"
            "new hubspot.Client({ apiKey: k });\n",
            "`hapimigrate apply` migrates it",
        ),
        (  # createWithApiKey becomes createWithAccessToken
            "a.php",
            "<?php\n$k = getenv('HUBSPOT_API_KEY');\n"
            "\\HubSpot\\Factory::createWithApiKey($k);\n",
            "`hapimigrate apply` migrates it",
        ),
        (
            "b.php",
            "<?php\nuse SevenShores\\Hubspot\\Factory;\nFactory::create($k);\n",
            "createWithOAuth2Token",
        ),
        ("a.rb", "Hubspot.configure(hapikey: k)\n", "access token"),
        (".env", f"HUBSPOT_API_KEY={KEY}\n", "revoke"),
    ],
)
def test_each_finding_says_what_to_do(tmp_path, name, content, advice):
    (tmp_path / name).write_text(content)
    [line] = invoke("check", name, cwd=tmp_path).stdout.splitlines()
    assert advice in line


def test_sdk_client_sites_point_at_the_key():
    [use] = textscan.scan(
        "const c = new hubspot.Client({ apiKey: k });\n", textscan.SLASH, textscan.JS
    )
    assert (use.line, use.column, use.end_column, use.kind) == (1, 32, 38, textscan.SDK)
    [use] = textscan.scan(
        "<?php\n$h = \\HubSpot\\Factory::createWithApiKey($k);\n",
        textscan.SLASH,
        textscan.PHP,
    )
    assert (use.line, use.column, use.end_column) == (2, 24, 40)


def test_sdk_clients_and_key_names_are_left_to_the_codemod_in_parsed_python():
    source = f"from hubspot import HubSpot\napi = HubSpot(api_key=KEY)\nHUBSPOT_API_KEY = '{KEY}'\n"
    assert (
        list(textscan.scan(source, textscan.HASH, textscan.PYTHON, parsed=True)) == []
    )


def test_a_multi_line_js_comment_hides_a_client():
    text = (
        "const hubspot = require('@hubspot/api-client');\n/*\n"
        "new hubspot.Client({ apiKey: k });\n*/\n"
    )
    [use] = textscan.scan(text, textscan.SLASH, textscan.JS)
    assert use.in_comment


def test_text_sites_rules_and_messages():
    text = "const hubspot = require('@hubspot/api-client');\nnew hubspot.Client({ apiKey: k });\n"
    [site] = textscan.text_sites("a.js", text, textscan.SLASH, Status.MANUAL, "reason")
    assert rule_for(site).id == "HM003"
    assert message(site) == (
        "HubSpot SDK client built with an API key (manual: not Python: build the "
        "@hubspot/api-client Client with accessToken (a private-app or OAuth token), not apiKey)"
    )


PREFILTER = [
    ("a.js", b"new hubspot.Client({ apiKey })", True),
    (
        "a.js",
        b"import { Client } from '@hubspot/api-client'; new Client({apiKey})",
        True,
    ),
    ("a.php", b"\\HubSpot\\Factory::createWithApiKey($k)", True),
    ("a.php", b"use SevenShores\\Hubspot\\Factory; Factory::create($k);", True),
    (".env", b"HUBSPOT_API_KEY=x", True),
    (".env", b"HS_API_KEY=x", True),
    ("a.rb", b"Hubspot.configure(hapikey: k)", True),
    ("a.js", b"new Client({ apiKey })", False),  # no HubSpot anywhere
    ("a.js", b"// about HubSpot", False),
    ("a.yml", b"name: build\non: push\n", False),
]


@pytest.mark.parametrize("name, data, expected", PREFILTER)
def test_prefilter_lets_sdk_clients_and_key_names_through(name, data, expected):
    assert prefilter.may_hold_site(name, data) is expected


def test_every_text_finding_gets_past_the_prefilter():
    for _, name, content, expected in CASES:
        if expected:
            assert prefilter.may_hold_site(name, content.encode()), (name, content)


PARSED_LOOK_ALIKES = """import os


class Client:
    def __init__(self, hapikey=None):
        self.hapikey = hapikey or os.environ.get("HAPIKEY", "")

    def same(self, hapikey: str = "") -> bool:
        return self.hapikey == hapikey


SENSITIVE = ("hapikey", "access_token")
"""


def test_look_alikes_in_parsed_python_are_not_unrecognised_uses():
    """The codemod's own sites aside, check reports the hapikey words of parsed
    Python it does not recognise: never these."""
    found = textscan.scan(
        PARSED_LOOK_ALIKES, textscan.HASH, textscan.PYTHON, parsed=True
    )
    assert list(found) == []


def test_a_keyword_argument_in_parsed_python_is_still_a_use():
    text = "send(url, hapikey=KEY)\nsend(\n    url,\n    hapikey=KEY,\n)\n"
    sites = textscan.text_sites(
        "a.py", text, textscan.HASH, Status.MANUAL, "unrecognised", python=True
    )
    assert [(s.line, rule_for(s).id) for s in sites] == [(1, "HM002"), (4, "HM002")]
