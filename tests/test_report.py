"""The report: golden output for each format on the bundled app, the scopes it
asks for (never more than the code uses), and what it refuses to guess."""

from __future__ import annotations

import json
import os

import pytest
from tests.conftest import FIXTURES, assert_golden, invoke

GOLDEN = os.path.join(FIXTURES, "app-report")
FORMATS = {"text": "report.txt", "json": "report.json", "markdown": "report.md"}


@pytest.mark.parametrize("output_format", FORMATS)
def test_golden_report(output_format, update_goldens):
    result = invoke("report", "--format", output_format, "app")
    assert result.exit_code == 0
    path = os.path.join(GOLDEN, FORMATS[output_format])
    assert_golden(path, result.stdout, update_goldens)


def test_json_report_shape():
    document = json.loads(invoke("report", "--format", "json", "app").stdout)
    assert document["version"] == 2
    assert document["auth"] == "header"
    assert document["token_provider"] == "env:HUBSPOT_ACCESS_TOKEN"
    assert document["scopes"] == sorted(document["scopes"])
    site_keys = {"path", "line", "column", "end_line", "end_column", "kind", "status", "reason",
                 "method", "endpoint", "scopes", "legacy_scopes", "hardcoded_key"}  # fmt: skip
    for site in document["sites"]:
        assert site_keys <= set(site)
        assert site["line"] >= 1 and site["column"] >= 1
    union = sorted(
        {
            s
            for site in document["sites"]
            if site["status"] != "kept"
            for s in site["scopes"]
        }
    )
    assert document["scopes"] == union
    # 7 uses and the settings' key definition nothing reads any more
    assert document["summary"]["rewrite"] == 8 and document["summary"]["kept"] == 1


def test_report_changes_nothing_and_writes_to_a_file(tmp_path):
    before = {p: open(p, "rb").read() for p in _files(os.path.join(FIXTURES, "app"))}
    out = tmp_path / "scopes.md"
    result = invoke("report", "--format", "markdown", "-o", str(out), "app")
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text().startswith("## hapimigrate report")
    assert before == {p: open(p, "rb").read() for p in before}


def test_diff_writes_the_report_named_by_its_extension(tmp_path):
    out = tmp_path / "report.json"
    result = invoke("diff", "--report", str(out), "app")
    assert result.exit_code == 1
    document = json.loads(out.read_text())
    assert document["summary"]["files_changed"] == 5  # settings.py among them
    assert "the token needs these scopes: crm.objects.companies.read" in result.stderr


def _files(root):
    return sorted(
        os.path.join(d, f)
        for d, _, fs in os.walk(root)
        for f in fs
        if f.endswith(".py")
    )


def report_for(tmp_path, source: str) -> dict:
    (tmp_path / "script.py").write_text(source)
    result = invoke("report", "--format", "json", "script.py", cwd=tmp_path)
    return json.loads(result.stdout)


def test_a_script_that_only_reads_contacts_asks_only_to_read_them(tmp_path):
    document = report_for(
        tmp_path,
        "import requests\n"
        "KEY = 'k'\n"
        "def contacts(offset):\n"
        "    url = 'https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=' + KEY\n"
        "    return requests.get(url, params={'vidOffset': offset}).json()\n"
        "def search(q):\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/search/query', params={'q': q, 'hapikey': KEY})\n",
    )
    assert document["scopes"] == ["crm.objects.contacts.read"]
    assert document["legacy_scopes"] == ["contacts"]


def test_wrapper_endpoints_come_from_its_call_sites(tmp_path):
    document = report_for(
        tmp_path,
        "import requests\n"
        "class Api:\n"
        "    def _call(self, method, path, **kw):\n"
        "        return requests.request(method, 'https://api.hubapi.com' + path, params={'hapikey': self.key}, **kw)\n"
        "    def deal(self, i):\n"
        "        return self._call('GET', '/deals/v1/deal/%s' % i)\n"
        "    def new_company(self, body):\n"
        "        return self._call('POST', '/companies/v2/companies', json=body)\n",
    )
    [site] = document["sites"]
    assert [(c["method"], c["endpoint"]) for c in site["calls"]] == [
        ("GET", "/deals/v1/deal/{i}"),
        ("POST", "/companies/v2/companies"),
    ]
    assert document["scopes"] == [
        "crm.objects.companies.write",
        "crm.objects.deals.read",
    ]


def test_unresolvable_endpoints_are_listed_not_guessed(tmp_path):
    document = report_for(
        tmp_path,
        "import requests\n"
        "def call(method, url):\n"
        "    return requests.request(method, url + '?hapikey=' + KEY)\n",
    )
    assert document["scopes"] == []
    [unknown] = document["unknown_endpoints"]
    assert unknown["line"] == 3


def test_hardcoded_keys_are_flagged_without_their_value(tmp_path):
    (tmp_path / "script.py").write_text(
        "import requests\nrequests.get('https://api.hubapi.com/owners/v2/owners?hapikey=abcd-1234-secret')\n"
    )
    for output_format in FORMATS:
        out = invoke(
            "report", "--format", output_format, "script.py", cwd=tmp_path
        ).stdout
        assert "abcd-1234-secret" not in out
        assert "hard" in out.lower()
