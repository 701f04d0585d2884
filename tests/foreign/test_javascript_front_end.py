"""The JavaScript/TypeScript front end in the run: what the Python path does not
pay for, what diff/apply say without the extra, ``check`` after ``apply`` on the
fixture tree, and the edges of one file (line endings, files that do not
parse, hard-coded keys, providers, names in use)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("tree_sitter_javascript")

from hapimigrate import foreign, providers, run  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.model import RunOptions, Status, TokenProvider  # noqa: E402
from tests.conftest import FIXTURES, ROOT, run_cli  # noqa: E402

UUID = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"


def _process(source: str, path: str = "worker.js", spec: str | None = None):
    options = RunOptions(providers.resolve(spec))
    return javascript.process(path, source.encode(), options)


# -- the run -------------------------------------------------------------------------


def _modules_after(path: str) -> set[str]:
    """The modules a fresh interpreter holds after processing one file."""
    code = (
        "import sys\n"
        "from hapimigrate import providers, run\n"
        "from hapimigrate.model import RunOptions\n"
        f"result = run.process_file({path!r}, RunOptions(providers.resolve(None)))\n"
        "assert result.sites, result\n"
        "print('\\n'.join(sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def test_the_python_path_does_not_import_tree_sitter(tmp_path):
    python = tmp_path / "sync.py"
    python.write_text(
        "import os, requests\n"
        "requests.get('https://api.hubapi.com/contacts/v1/lists?hapikey=' + os.environ['HAPIKEY'])\n"
    )
    script = tmp_path / "sync.js"
    script.write_text(
        "fetch('https://api.hubapi.com/contacts/v1/lists?hapikey=' + process.env.HAPIKEY);\n"
    )
    assert not {m for m in _modules_after(str(python)) if m.startswith("tree_sitter")}
    assert "tree_sitter" in _modules_after(str(script))  # the test can tell


def test_without_the_extra_diff_names_it(tmp_path, monkeypatch):
    script = tmp_path / "sync.js"
    script.write_text(
        "fetch('https://api.hubapi.com/contacts/v1/lists?hapikey=' + process.env.HAPIKEY);\n"
    )
    (tmp_path / "client.js").write_text(
        "const hubspot = require('@hubspot/api-client');\n"
        "const client = new hubspot.Client({ apiKey: process.env.HAPIKEY });\n"
    )
    monkeypatch.setattr(foreign, "front_end", lambda path: None)
    for name in ("sync.js", "client.js"):
        result = run.process_file(
            str(tmp_path / name), RunOptions(providers.resolve(None))
        )
        assert result.new is None
        assert [s.status for s in result.sites] == [Status.MANUAL]
        assert result.sites[0].reason.endswith(
            'pip install "hapimigrate[js]" migrates this file'
        )


def test_diff_walks_javascript_files(tmp_path):
    (tmp_path / "sync.js").write_text(
        "fetch('https://api.hubapi.com/contacts/v1/lists?hapikey=' + process.env.HAPIKEY);\n"
    )
    done = run_cli("diff", str(tmp_path))
    assert done.returncode == 1, done.stderr
    assert (
        "-fetch('https://api.hubapi.com/contacts/v1/lists?hapikey=' + process.env.HAPIKEY);"
        in done.stdout
    )
    assert (
        "+fetch('https://api.hubapi.com/contacts/v1/lists', { headers: { Authorization: "
        "`Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}` } });" in done.stdout
    )


def _tree(tmp_path) -> str:
    """Every pattern's before file, in one tree."""
    patterns = os.path.join(FIXTURES, "javascript")
    root = tmp_path / "app"
    for name in sorted(os.listdir(patterns)):
        (source,) = [
            f
            for f in os.listdir(os.path.join(patterns, name))
            if f.startswith("before.")
        ]
        os.makedirs(root / name)
        extension = os.path.splitext(source)[1]
        shutil.copy(
            os.path.join(patterns, name, source), root / name / ("main" + extension)
        )
    return str(root)


def _json(done) -> dict:
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_check_after_apply_finds_only_what_was_left_for_a_person(tmp_path):
    tree = _tree(tmp_path)
    applied = run_cli("apply", tree)
    assert applied.returncode == 1, applied.stderr  # manual sites are left
    left = _json(run_cli("report", "--format", "json", tree))
    key_sites = [s for s in left["sites"] if s["kind"] not in ("call", "version")]
    assert not [s for s in key_sites if s["status"] == "rewrite"]
    assert [s for s in left["sites"] if s["kind"] == "call"]  # migrated calls
    reported = {
        (s["path"], s["line"]) for s in key_sites if s["status"] in ("manual", "kept")
    }
    checked = _json(run_cli("check", "--format", "json", tree))
    findings = [s for s in checked["sites"] if s["kind"] not in ("call", "version")]
    assert findings, "the manual patterns keep their keys"
    assert {(s["path"], s["line"]) for s in findings} <= reported
    assert {s["path"] for s in findings} >= {
        os.path.join(tree, "manual_sites", "main.js"),
        os.path.join(tree, "manual_two_keys", "main.js"),
    }


# -- one file ----------------------------------------------------------------------------


def test_line_endings_are_kept():
    source = (
        "const axios = require('axios');\r\n"
        "axios.get('https://api.hubapi.com/deals/v1/deal/paged', {\r\n"
        "  params: { hapikey: process.env.HAPIKEY, limit: 5 },\r\n"
        "  timeout: 1000\r\n"
        "});\r\n"
    )
    new = _process(source).new.decode()
    assert new == (
        "const axios = require('axios');\r\n"
        "axios.get('https://api.hubapi.com/deals/v1/deal/paged', {\r\n"
        "  params: { limit: 5 },\r\n"
        "  timeout: 1000,\r\n"
        "  headers: { Authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}` }\r\n"
        "});\r\n"
    )


def test_a_file_that_does_not_parse_is_reported_unparsed():
    source = (
        "fetch('https://api.hubapi.com/x?hapikey=' + process.env.HAPIKEY;\nconst = ;\n"
    )
    result = _process(source)
    assert result.new is None
    assert [s.status for s in result.sites] == [Status.UNPARSED]
    assert "does not parse" in result.sites[0].reason


def test_a_hard_coded_key_is_flagged_cut_and_never_shown():
    source = (
        f"fetch('https://api.hubapi.com/contacts/v1/lists?hapikey={UUID}&count=5');\n"
    )
    result = _process(source)
    (site,) = result.sites
    assert site.status == Status.REWRITE and site.hardcoded_key
    assert UUID not in site.reason
    assert result.new.decode().startswith(
        "fetch('https://api.hubapi.com/contacts/v1/lists?count=5', { headers:"
    )


def test_a_key_in_a_reason_is_never_shown():
    source = f"fetch('https://api.hubapi.com/x?hapikey=' + lookup('{UUID}'));\n"
    (site,) = _process(source).sites
    assert site.status == Status.MANUAL
    assert "lookup" in site.reason and UUID not in site.reason


def test_a_provider_without_a_javascript_form_leaves_the_use():
    options = RunOptions(TokenProvider("vault", (), "vault.read()"))
    source = b"fetch('https://api.hubapi.com/x?hapikey=' + process.env.HAPIKEY);\n"
    result = javascript.process("a.js", source, options)
    assert result.new is None
    assert "no JavaScript form" in result.sites[0].reason


def test_a_module_provider_whose_name_is_taken_leaves_the_use():
    source = (
        "const getToken = () => 'other';\n"
        "fetch('https://api.hubapi.com/x?hapikey=' + process.env.HAPIKEY);\n"
    )
    result = _process(source, spec="auth:getToken")
    assert result.new is None
    assert "getToken is already used" in result.sites[0].reason


def test_a_use_the_front_end_does_not_follow_is_still_a_site():
    source = "const cfg = { hapikey: process.env.HAPIKEY };\nmodule.exports = cfg;\n"
    result = _process(source)
    assert result.new is None
    assert [s.status for s in result.sites] == [Status.MANUAL]


def test_a_query_extended_after_the_key_is_not_cut():
    source = (
        "const url = 'https://api.hubapi.com/contacts/v1/lists?hapikey=' + process.env.HAPIKEY;\n"
        "fetch(url + '&count=5');\n"
    )
    result = _process(source)
    assert result.new is None
    assert "extended after the key" in result.sites[0].reason


def test_typescript_generics_and_casts():
    source = (
        "import axios from 'axios';\n"
        "const KEY = process.env.HAPIKEY as string;\n"
        "export const get = <T,>(id: number) => axios.get<T>(`https://api.hubapi.com/deals/v1/deal/${id}`, {\n"
        "  params: { hapikey: KEY } as Record<string, string>,\n"
        "});\n"
    )
    result = _process(source, path="deals.ts")
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert b"hapikey" not in result.new
    assert b"headers: { Authorization:" in result.new


def test_a_class_field_from_the_configuration_is_the_providers_token():
    source = (
        "import axios from 'axios';\n"
        "export class Crm {\n"
        "  private readonly key = process.env.HUBSPOT_API_KEY;\n"
        "  deals() { return axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${this.key}`); }\n"
        "}\n"
    )
    (site,) = _process(source, path="crm.ts").sites
    assert site.status == Status.REWRITE


def test_a_class_field_from_the_constructor_is_the_callers():
    source = (
        "import axios from 'axios';\n"
        "export class Tenant {\n"
        "  apiKey: string;\n"
        "  constructor(apiKey: string) { this.apiKey = apiKey; }\n"
        "  deals() { return axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${this.apiKey}`); }\n"
        "}\n"
    )
    result = _process(source, path="tenant.ts")
    assert result.new is None
    assert "comes from the caller" in result.sites[0].reason


def test_serverless_secrets_are_configuration():
    source = (
        "const axios = require('axios');\n"
        "exports.main = async (context, sendResponse) => {\n"
        "  const r = await axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${context.secrets.HAPIKEY}`);\n"
        "  sendResponse({ body: r.data });\n"
        "};\n"
    )
    (site,) = _process(source).sites
    assert site.status == Status.REWRITE


def test_an_unrecognised_use_beside_a_migrated_one_is_still_reported():
    source = (
        "const K = process.env.HAPIKEY;\n"
        "fetch('https://api.hubapi.com/contacts/v1/lists?hapikey=' + K); cfg['hapikey'] = K;\n"
    )
    result = _process(source)
    assert [(s.line, s.status) for s in result.sites] == [
        (2, Status.REWRITE),
        (2, Status.MANUAL),
    ]


@pytest.mark.parametrize(
    "key",
    [
        "encodeURIComponent(process.env.HAPIKEY)",
        "this.configService.get<string>('HUBSPOT_API_KEY')",
        "config.get('hubspot.apiKey')",
        "(process.env.HAPIKEY || '').trim()",
    ],
)
def test_keys_read_from_the_configuration(key):
    source = (
        "import axios from 'axios';\n"
        "import config from 'config';\n"
        "export class S {\n"
        "  constructor(private readonly configService: ConfigService) {}\n"
        f"  a() {{ return axios.get(`https://api.hubapi.com/deals/v1/deal/paged?hapikey=${{{key}}}`); }}\n"
        "}\n"
    )
    (site,) = _process(source, path="s.ts").sites
    assert site.status == Status.REWRITE, site.reason


def test_a_provider_imported_by_an_earlier_run_is_reused():
    source = (
        "const axios = require('axios');\n"
        "const { getToken } = require('auth/tokens');\n"
        "axios.get('https://api.hubapi.com/a/v1/b', { headers: { Authorization: `Bearer ${getToken()}` } });\n"
        "axios.get('https://api.hubapi.com/deals/v1/deal/paged?hapikey=' + process.env.HAPIKEY);\n"
    )
    result = _process(source, spec="auth.tokens:getToken")
    assert [s.status for s in result.sites] == [Status.REWRITE]
    assert result.new.decode().count("require('auth/tokens')") == 1


def test_check_names_the_rule_of_the_use_and_what_apply_does(tmp_path, monkeypatch):
    script = tmp_path / "sync.js"
    script.write_text(
        "fetch('https://api.hubapi.com/contacts/v1/lists?hapikey=' + process.env.HAPIKEY);\n"
        "new Hubspot({ apiKey: undefined, accessToken: t });\n"
    )
    done = run_cli("check", str(script))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{script}:1:49: HM001 HubSpot API key in a URL (`hapimigrate apply` migrates it)"
    ]
    monkeypatch.setattr(foreign, "front_end", lambda path: None)
    options = RunOptions(providers.resolve(None), scan_text=True)
    (site,) = run.process_file(str(script), options).sites
    assert 'pip install "hapimigrate[js]"' in site.reason


def test_migrated_calls_are_still_reported_for_their_scopes_and_lifecycle():
    from hapimigrate.model import CALLS_DATED, CALLS_UNLISTED, Endpoint, Kind

    source = (
        "const hubspot = require('@hubspot/api-client');\n"
        "const client = new hubspot.Client({ accessToken: process.env.HUBSPOT_ACCESS_TOKEN });\n"
        "const auth = { headers: { Authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}` } };\n"
        "fetch('https://api.hubapi.com/owners/v2/owners', auth);\n"
        "fetch('https://example.com/owners/v2/owners');\n"
        "fetch('https://api.hubapi.com/crm/objects/2026-03/contacts', auth);\n"
        "client.crm.contacts.basicApi.getById('1');\n"
    )

    def calls(mode):
        options = RunOptions(providers.resolve(None), calls=mode)
        result = javascript.process("a.js", source.encode(), options)
        assert result.new is None
        return [(s.line, s.kind, s.calls) for s in result.sites]

    owners = Endpoint("GET", "/owners/v2/owners")
    contacts = Endpoint("GET", "/crm/objects/2026-03/contacts")
    by_id = Endpoint("GET", "/crm/v3/objects/contacts/{contactId}")
    assert calls(CALLS_UNLISTED) == [
        (2, Kind.CALL, (by_id,)),
        (4, Kind.CALL, (owners,)),
        (6, Kind.CALL, (contacts,)),
    ]
    # check: only the calls to endpoints with an announced date
    assert calls(CALLS_DATED) == [(2, Kind.CALL, (by_id,)), (4, Kind.CALL, (owners,))]
    assert calls("") == []


def _mixed_tree(tmp_path) -> str:
    """The before files of every JavaScript, PHP and Python pattern, in one
    repository (a pattern needing options of its own is left out)."""
    root = tmp_path / "repo"
    for language in ("javascript", "php", "patterns"):
        folder = os.path.join(FIXTURES, language)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if os.path.exists(os.path.join(folder, name, "options.txt")):
                continue
            for source in os.listdir(os.path.join(folder, name)):
                if source.startswith("before."):
                    target = root / language / name
                    os.makedirs(target, exist_ok=True)
                    extension = os.path.splitext(source)[1]
                    shutil.copy(
                        os.path.join(folder, name, source),
                        target / ("main" + extension),
                    )
    return str(root)


def test_check_after_apply_on_a_mixed_language_repository(tmp_path):
    tree = _mixed_tree(tmp_path)
    assert run_cli("apply", tree).returncode == 1  # manual sites are left
    left = _json(run_cli("report", "--format", "json", tree))
    key_sites = [s for s in left["sites"] if s["kind"] not in ("call", "version")]
    assert not [s for s in key_sites if s["status"] == "rewrite"]
    reported = {(s["path"], s["line"]) for s in key_sites}
    checked = _json(run_cli("check", "--format", "json", tree))
    findings = [s for s in checked["sites"] if s["kind"] not in ("call", "version")]
    assert {(s["path"], s["line"]) for s in findings} <= reported
    assert {os.path.splitext(s["path"])[1] for s in findings} >= {".js", ".py"}
