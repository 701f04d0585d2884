"""Many repositories (#15 item 15): ``report --merge`` combines the JSON reports of
several repositories into one table, ``report --format pr`` writes a pull-request
body. The reports are real: ``report --format json`` and ``apply --report`` run on
two small trees; nothing prints a key's value."""

from __future__ import annotations

import json
import re

import pytest
from tests.conftest import invoke

KEY = "5f1e9c2a-7b44-4d0e-9a3c-0c2f8e61b7d4"  # a hard-coded key: never shown

SHOP = {
    "crm.py": f"""import requests

API_KEY = "{KEY}"


def owners():
    return requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY)


def contact(vid):
    return requests.get(
        "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile" % vid,
        params={{"hapikey": API_KEY}},
    )


def passed_on(fetch):
    return fetch("https://api.hubapi.com/contacts/v1/lists?hapikey=" + API_KEY)
""",
}
SYNC = {
    "sync/deals.py": """import os

import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]


def deal(deal_id):
    return requests.get(
        "https://api.hubapi.com/deals/v1/deal/%s" % deal_id, params={"hapikey": API_KEY}
    )


def move(deal_id, stage):
    return requests.put(
        "https://api.hubapi.com/deals/v1/deal/%s?hapikey=%s" % (deal_id, API_KEY),
        json={"properties": [{"name": "dealstage", "value": stage}]},
    )
""",
}


def _tree(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


@pytest.fixture
def repos(tmp_path):
    """Two repositories (shop, crm-sync) and their JSON reports in reports/."""
    _tree(tmp_path / "shop", SHOP)
    _tree(tmp_path / "crm-sync", SYNC)
    (tmp_path / "reports").mkdir()
    for name in ("shop", "crm-sync"):
        result = invoke(
            "report", "--format", "json", "-o", f"reports/{name}.json", name,
            cwd=tmp_path,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    return tmp_path


def _report(root, name):
    return json.loads((root / "reports" / f"{name}.json").read_text())


def _merge(root, *args, reports=("shop", "crm-sync")):
    paths = [f"reports/{r}.json" for r in reports]
    return invoke("report", "--merge", *paths, *args, cwd=root)


def test_merged_table_has_a_row_per_repository_and_the_totals(repos):
    result = _merge(repos)
    assert result.exit_code == 0, result.output
    shop, sync = _report(repos, "shop"), _report(repos, "crm-sync")
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[:5]}
    columns = ("rewrite", "manual", "kept", "unparsed", "calls")
    for name, document in (("shop", shop), ("crm-sync", sync)):
        counts = [int(c) for c in rows[name][1:6]]
        assert counts == [document["summary"][c] for c in columns]
    assert [int(c) for c in rows["total"][2:7]] == [
        shop["summary"][c] + sync["summary"][c] for c in columns
    ]
    # what the trees hold: shop migrates two calls and leaves one for a person
    assert rows["shop"][1:3] == ["2", "1"] and rows["crm-sync"][1:3] == ["2", "0"]
    assert rows["shop"][6] == "3" and rows["crm-sync"][6] == "0"  # hard-coded keys
    out = result.stdout
    assert "  shop: " + ", ".join(shop["scopes"]) in out
    assert "  crm-sync: " + ", ".join(sync["scopes"]) in out
    assert "crm.objects.deals.write" in sync["scopes"]
    assert "  crm.objects.deals.write  (1: crm-sync)" in out
    assert "  shop: shop/crm.py:7, shop/crm.py:13, shop/crm.py:18\n" in out  # places
    assert "GET /owners/v2/owners (retired " in out
    assert KEY not in result.output


def test_merged_json_sums_the_reports(repos):
    result = _merge(repos, "--format", "json")
    assert result.exit_code == 0, result.output
    merged = json.loads(result.stdout)
    reports = [_report(repos, "shop"), _report(repos, "crm-sync")]
    assert [r["name"] for r in merged["repositories"]] == ["shop", "crm-sync"]
    for column in ("rewrite", "manual", "kept", "calls"):
        assert merged["totals"][column] == sum(r["summary"][column] for r in reports)
    union = sorted({s for r in reports for s in r["scopes"]})
    assert sorted(merged["totals"]["scopes"]) == union
    shop = merged["repositories"][0]
    assert shop["hardcoded_keys"] == [
        {"path": "shop/crm.py", "line": 7},
        {"path": "shop/crm.py", "line": 13},
        {"path": "shop/crm.py", "line": 18},
    ]
    assert shop["manual"][0]["path"] == "shop/crm.py" and shop["manual"][0]["reason"]
    assert {c["endpoint"] for c in shop["retired_calls"]} >= {"/owners/v2/owners"}
    assert KEY not in result.output
    # a merged report is not merged again
    (repos / "merged.json").write_text(result.stdout)
    again = invoke("report", "--merge", "merged.json", cwd=repos)
    assert again.exit_code == 2 and "merged.json: a merged report" in again.stderr


def test_markdown_by_format_and_by_extension(repos):
    result = _merge(repos, "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2].startswith("| repository | rewrite | manual |")
    assert lines[4].startswith("| shop | 2 | 1 | ")
    assert any(line.startswith("| **total (2)** |") for line in lines)
    written = _merge(repos, "-o", "all.md")
    assert written.exit_code == 0 and written.stdout == ""
    assert (repos / "all.md").read_text() == result.stdout


def test_repository_named_by_its_folder_when_the_file_name_says_nothing(repos):
    for name in ("shop", "crm-sync"):
        folder = repos / "collected" / "acme" / name
        folder.mkdir(parents=True)
        (folder / "report.json").write_text(
            (repos / "reports" / f"{name}.json").read_text()
        )
    result = invoke(
        "report", "--merge", "--format", "json",
        "collected/acme/shop/report.json", "collected/acme/crm-sync/report.json",
        cwd=repos,
    )  # fmt: skip
    names = [r["name"] for r in json.loads(result.stdout)["repositories"]]
    assert names == ["shop", "crm-sync"]
    # the same name twice: each is named by its path instead
    result = invoke(
        "report", "--merge", "--format", "json",
        "reports/shop.json", "collected/acme/shop/report.json", cwd=repos,
    )  # fmt: skip
    names = [r["name"] for r in json.loads(result.stdout)["repositories"]]
    assert names == ["reports/shop.json", "collected/acme/shop/report.json"]


BAD = {
    "not-json.json": "HUBSPOT_API_KEY=" + KEY + "\n",
    "a-list.json": "[1, 2]",
    "foreign.json": json.dumps({"version": 2, "token": {"kind": "oauth"}}),
    "old.json": json.dumps({"version": 1, "tool": "hapimigrate 0.0.9", "sites": []}),
    "future.json": json.dumps({"version": 3, "tool": "hapimigrate 9.0.0"}),
}


@pytest.mark.parametrize("name", [*BAD, "missing.json"])
def test_bad_or_foreign_input_exits_2_naming_the_file_before_printing(repos, name):
    if name in BAD:
        (repos / name).write_text(BAD[name])
    result = invoke("report", "--merge", "reports/shop.json", name, cwd=repos)
    assert result.exit_code == 2
    assert result.stdout == ""  # the good report before it is not printed
    assert f"{name}: " in result.stderr
    assert KEY not in result.output


def test_a_field_of_the_wrong_type_is_named_without_its_value(repos):
    document = _report(repos, "shop")
    document["sites"][1]["line"] = KEY
    (repos / "broken.json").write_text(json.dumps(document))
    result = invoke("report", "--merge", "broken.json", "--format", "pr", cwd=repos)
    assert result.exit_code == 2 and result.stdout == ""
    assert "broken.json: not a hapimigrate JSON report (sites[1].line: expected a whole number)" in result.stderr  # fmt: skip
    assert KEY not in result.output


def test_observed_goes_with_a_tree_not_with_merge(repos):
    (repos / "observed.json").write_text("{}")
    result = _merge(repos, "--observed", "observed.json")
    assert result.exit_code == 2 and result.stdout == ""


def _sections(body: str) -> dict[str, str]:
    parts = re.split(r"^### (.+)$", body, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_pr_body_of_a_tree(repos):
    result = invoke("report", "--format", "pr", "shop", cwd=repos)
    assert result.exit_code == 0, result.output
    body = result.stdout
    assert KEY not in result.output
    sections = _sections(body)
    assert list(sections) == [
        "Scopes to grant",
        "Secrets to set",
        "Keys to revoke",
        "Sites that need a person",
        "Calls to retired endpoints",
        "Verify",
    ]
    scopes = _report(repos, "shop")["scopes"]
    assert re.findall(r"^- \[ \] `(.+)`$", sections["Scopes to grant"], re.M) == scopes
    assert "`HUBSPOT_ACCESS_TOKEN`: the new token" in sections["Secrets to set"]
    assert re.findall(r"^- `(.+)`$", sections["Keys to revoke"], re.M) == [
        "shop/crm.py:7",
        "shop/crm.py:13",
        "shop/crm.py:18",
    ]
    manual = sections["Sites that need a person"]
    assert "- [ ] `shop/crm.py:18`: the value is passed to fetch()" in manual
    retired = sections["Calls to retired endpoints"]
    assert "- [ ] `GET /owners/v2/owners` (`shop/crm.py:7`, retired " in retired
    assert "instead: `GET /crm/owners/2026-03`" in retired
    verify = sections["Verify"]
    assert "hapimigrate verify token ." in verify
    assert "hapimigrate verify run -- " in verify
    # the same body from the saved report
    merged = invoke(
        "report", "--merge", "reports/shop.json", "--format", "pr", cwd=repos
    )
    assert merged.stdout == body


def test_pr_body_names_the_providers_variable(repos):
    result = invoke(
        "report", "--format", "pr", "--token-provider", "env:CRM_TOKEN", "crm-sync",
        cwd=repos,
    )  # fmt: skip
    sections = _sections(result.stdout)
    assert "- [ ] `CRM_TOKEN`: the new token" in sections["Secrets to set"]
    assert "HUBSPOT_ACCESS_TOKEN" not in result.stdout
    assert "export CRM_TOKEN=..." in sections["Verify"]
    assert "verify token --token-provider env:CRM_TOKEN ." in sections["Verify"]
    assert "No key is written in the code" in sections["Keys to revoke"]
    assert "None: every use of the key was migrated." in sections["Sites that need a person"]  # fmt: skip
    assert "Calls to retired endpoints" not in sections


def test_pr_body_from_the_apply_report_keeps_the_keys_to_revoke(repos):
    """After apply the code no longer shows the key; its report does: the recipe
    writes the body from it."""
    result = invoke("apply", "--report", "../shop-apply.json", ".", cwd=repos / "shop")
    assert result.exit_code == 1  # one site is left for a person
    assert KEY not in (repos / "shop-apply.json").read_text()
    body = invoke("report", "--merge", "shop-apply.json", "--format", "pr", cwd=repos)
    assert body.exit_code == 0
    keys = _sections(body.stdout)["Keys to revoke"]
    assert re.findall(r"^- `(.+)`$", keys, re.M) == [
        "crm.py:7",
        "crm.py:13",
        "crm.py:18",
    ]
    assert "1 file changed" in body.stdout
    on_the_tree = invoke("report", "--format", "pr", "shop", cwd=repos)
    # only the site left for a person still shows the key
    keys = _sections(on_the_tree.stdout)["Keys to revoke"]
    assert re.findall(r"^- `(.+)`$", keys, re.M) == ["shop/crm.py:20"]
    assert KEY not in body.output + on_the_tree.output


def test_pr_bodies_of_several_reports_one_per_repository(repos):
    result = _merge(repos, "--format", "pr")
    assert result.exit_code == 0
    assert re.findall(r"^# (.+)$", result.stdout, re.M) == ["shop", "crm-sync"]
    assert result.stdout.count("### Verify") == 2


def test_pr_body_with_a_developer_key_asks_for_an_app_and_keeps_the_key():
    """check-tree also calls webhook endpoints with a developer key (kept): a
    service key cannot serve them."""
    result = invoke("report", "--format", "pr", "check-tree")
    assert result.exit_code == 0
    sections = _sections(result.stdout)
    assert (
        "Create a **project-based app** for one account" in sections["Scopes to grant"]
    )
    assert (
        "- Keep the developer API key the kept uses send" in sections["Secrets to set"]
    )
    assert "1 developer API key use kept" in result.stdout
