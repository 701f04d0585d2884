"""PHP through the commands a user runs: ``diff`` shows the migration of a PHP
tree (exit 1), ``apply`` writes it and lists what needs a person (exit 1),
``check`` on the result then finds exactly those sites and nothing else, a
second ``diff`` has nothing left to change, and ``report`` gives the migrated
calls their endpoints and scopes."""

from __future__ import annotations

import json
import os
import shutil

import pytest

pytest.importorskip("tree_sitter_php", reason="the php extra is not installed")

from tests.conftest import FIXTURES, run_cli  # noqa: E402

PATTERNS = os.path.join(FIXTURES, "php")


@pytest.fixture
def tree(tmp_path):
    """The PHP goldens' ``before.php`` files (and their composer.lock) as a project."""
    for name in sorted(os.listdir(PATTERNS)):
        folder = tmp_path / name
        folder.mkdir()
        for kept in ("before.php", "composer.lock"):
            source = os.path.join(PATTERNS, name, kept)
            if os.path.exists(source):
                shutil.copy(
                    source, folder / ("app.php" if kept == "before.php" else kept)
                )
    return tmp_path


def expected(status: str) -> set[tuple[str, int]]:
    """The sites of that status the goldens' ``sites.txt`` list."""
    found = set()
    for name in sorted(os.listdir(PATTERNS)):
        with open(os.path.join(PATTERNS, name, "sites.txt")) as handle:
            for line in handle:
                where, _, what = line.partition(" ")
                if what.split(" ")[1] == status:
                    found.add((f"{name}/app.php", int(where.split(":")[0])))
    return found


def code(tree, path: str, line: int) -> str:
    return (tree / path).read_text().splitlines()[line - 1].strip()


def code_before(before: dict, tree, path: str, line: int) -> str:
    return before[tree / path].decode().splitlines()[line - 1].strip()


def sites_of(output: str) -> list[dict]:
    return json.loads(output)["sites"]


def test_diff_apply_check_on_a_php_tree(tree):
    before = {p: p.read_bytes() for p in tree.rglob("*.php")}
    diff = run_cli("diff", ".", cwd=tree)
    assert diff.returncode == 1, diff.stderr
    assert "+++ b/curl_script/app.php" in diff.stdout
    assert "Authorization: Bearer ' . getenv('HUBSPOT_ACCESS_TOKEN')" in diff.stdout
    assert {
        p: p.read_bytes() for p in tree.rglob("*.php")
    } == before  # diff writes nothing

    applied = run_cli("apply", ".", "--report", "report.json", cwd=tree)
    assert applied.returncode == 1, applied.stderr  # manual sites are left
    report = sites_of((tree / "report.json").read_text())
    manual = {(s["path"], s["line"]) for s in report if s["status"] == "manual"}
    kept = {(s["path"], s["line"]) for s in report if s["status"] == "kept"}
    assert manual == expected("manual") and kept == expected("kept")
    assert (tree / "manual_sites/app.php").read_bytes() == before[
        tree / "manual_sites/app.php"
    ]
    for name in ("curl_script", "wordpress_plugin", "guzzle_query", "laravel_http"):
        golden = open(os.path.join(PATTERNS, name, "after.php"), "rb").read()
        assert (tree / name / "app.php").read_bytes() == golden

    check = run_cli("check", ".", "--format", "json", cwd=tree)
    assert check.returncode == 1
    uses = [s for s in sites_of(check.stdout) if s["kind"] != "call"]
    # no key but what apply left, and said why (the lines apply reported, read
    # in the files before, are the lines check finds in the files after); a
    # note on where the token is read (a framework's settings) is no key use
    notes = {(s["path"], s["line"]) for s in report if s["kind"] == "setting"}
    found = {(s["path"], code(tree, s["path"], s["line"])) for s in uses}
    left = {
        (p, code_before(before, tree, p, line)) for p, line in (manual - notes) | kept
    }
    assert found == left

    again = run_cli("diff", ".", cwd=tree)
    assert again.returncode == 0 and again.stdout == ""


def test_report_gives_php_calls_their_scopes(tree):
    done = run_cli("report", ".", "--format", "json", cwd=tree)
    assert done.returncode == 0, done.stderr
    sites = sites_of(done.stdout)
    deals = [
        s for s in sites if s["path"] == "curl_options/app.php" and s["method"] == "PUT"
    ]
    assert deals and deals[0]["endpoint"] == "/deals/v1/deal/{}"
    assert "crm.objects.deals.write" in deals[0]["scopes"]
    assert any(s["status"] == "kept" for s in sites)


def test_migrated_php_calls_keep_their_endpoints(tree):
    """After apply, the calls no longer carry a key, but report still lists their
    endpoints and scopes, and check their lifecycle (a retired one fails)."""
    assert run_cli("apply", ".", cwd=tree).returncode == 1
    report = sites_of(run_cli("report", ".", "--format", "json", cwd=tree).stdout)
    calls = [
        s for s in report if s["kind"] == "call" and s["path"] == "curl_options/app.php"
    ]
    assert {(s["method"], s["endpoint"]) for s in calls} == {
        ("GET", "/deals/v1/deal/{}"),
        ("PUT", "/deals/v1/deal/{}"),
        ("GET", "/owners/v2/owners"),
    }
    check = run_cli("check", ".", cwd=tree)
    assert "curl_options/app.php:40:" in check.stdout and "HM007" in check.stdout
