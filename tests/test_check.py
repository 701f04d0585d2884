"""`hapimigrate check`: every use in every kind of file flagged once, on the right
line; suppressions, baselines, --since, and the formats CI systems read."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from tests.conftest import FIXTURES, assert_golden, invoke, run_cli

TREE = os.path.join(FIXTURES, "check-tree")
EXPECTED = os.path.join(FIXTURES, "check-expected")
FORMATS = {
    "text": "check.txt",
    "json": "check.json",
    "github": "check.github",
    "sarif": "check.sarif",
}
KEYS = (
    "0a1b2c3d-1111-2222-3333-444455556666",
    "1234abcd5678",
    "0a1b2c3d11112222",
    "7c2e9a14-3b5d-4f60-8a1e-2d9c4b7f6e03",
)


@pytest.mark.parametrize("output_format", FORMATS)
def test_golden_check_output(output_format, update_goldens):
    result = invoke("check", "--format", output_format, "check-tree")
    assert result.exit_code == 1
    path = os.path.join(EXPECTED, FORMATS[output_format])
    assert_golden(path, result.stdout, update_goldens)
    for key in KEYS:
        assert key not in result.stdout + result.stderr


def locations(result) -> list[str]:
    return [line.split(": ", 1)[0] for line in result.stdout.splitlines()]


LIFECYCLE = (" HM007 ", " HM008 ")  # endpoint lifecycles: tests of their own


def key_locations(result) -> list[str]:
    """The findings of key uses (not of the endpoints' lifecycles)."""
    return [
        line.split(": ", 1)[0]
        for line in result.stdout.splitlines()
        if not any(rule in line for rule in LIFECYCLE)
    ]


def test_every_use_once_on_its_line_and_nothing_else():
    result = invoke("check", "check-tree")
    assert key_locations(result) == [
        "check-tree/client.py:11:15",  # HubSpot(api_key=...)
        "check-tree/client.py:15:25",  # URL
        "check-tree/client.py:19:79",  # params
        "check-tree/client.py:23:25",  # developer key: a note
        "check-tree/client.py:27:18",  # passed to an unknown function
        "check-tree/crm.js:6:3",  # new hubspot.Client({ apiKey }); not its look-alikes
        "check-tree/deploy.sh:3:47",
        "check-tree/export.ipynb:28:48",  # !curl in a notebook cell
        "check-tree/export.ipynb:29:18",
        "check-tree/hubspot.ini:3:1",  # api_key = <uuid> in [hubspot]
        "check-tree/hubspot.rb:3:19",  # Hubspot.configure(hapikey: ...)
        "check-tree/legacy.php:6:13",  # $query['hapikey'] = ..., not the parameter
        "check-tree/legacy.php:7:25",  # SevenShores Factory::create(...)
        "check-tree/legacy_py2.py:4:34",  # Python 2: the codemod's site
        "check-tree/sdk_py2.py:4:19",  # Hubspot3(api_key=...) in Python 2
        "check-tree/settings.env:1:1",
        "check-tree/sync.js:3:72",
        "check-tree/sync.js:4:69",
        "check-tree/template.html:2:47",
    ]
    # and the calls' endpoints: Owners v2 is retired (fails), the others are notes
    assert [line.split(": ", 2)[:2] for line in result.stdout.splitlines() if any(
        rule in line for rule in LIFECYCLE
    )] == [
        ["check-tree/client.py:15:12", "HM007 Call to a retired HubSpot endpoint"],
        ["check-tree/client.py:19:12", "HM008 Call to a HubSpot endpoint with an announced end date"],
        ["check-tree/client.py:23:12", "HM008 Call to a HubSpot endpoint with an announced end date"],
        ["check-tree/export.ipynb:29:5", "HM008 Call to a HubSpot endpoint with an announced end date"],
        ["check-tree/legacy_py2.py:4:18", "HM008 Call to a HubSpot endpoint with an announced end date"],
    ]  # fmt: skip
    assert (
        "hapimigrate: 19 findings (1 developer key, 4 endpoint dates noted)"
        in result.stderr
    )


def test_strict_adds_comments_and_docstrings():
    plain = set(locations(invoke("check", "check-tree")))
    strict = invoke("check", "--strict", "check-tree")
    assert set(locations(strict)) - plain == {
        "check-tree/client.py:1:57",  # the module docstring
        "check-tree/client.py:10:25",  # a comment
        "check-tree/deploy.sh:2:10",
        "check-tree/sync.js:2:18",
        "check-tree/template.html:1:22",
    }


def test_suppressions():
    out = invoke("check", "check-tree").stdout
    assert "suppressed.py" not in out  # noqa: HM001 on the line
    assert "config.yml" not in out  # hapimigrate: ignore
    assert "ignored_file.js" not in out  # hapimigrate: file-ignore


def test_noqa_for_another_rule_does_not_suppress(tmp_path):
    (tmp_path / "a.py").write_text(
        'import requests\nrequests.get("https://api.hubapi.com/x?hapikey=" + K)  # noqa: HM002\n'
    )
    assert invoke("check", "a.py", cwd=tmp_path).exit_code == 1


def test_clean_tree_passes_and_missing_path_errors(tmp_path):
    (tmp_path / "ok.py").write_text("print('hello')\n")
    (tmp_path / "ok.js").write_text("console.log('hapi')\n")
    assert invoke("check", ".", cwd=tmp_path).exit_code == 0
    assert invoke("check", "missing", cwd=tmp_path).exit_code == 2


def test_baseline_round_trip_survives_moved_lines(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree)
    made = invoke("baseline", "-o", "base.json", "tree", cwd=tmp_path)
    assert made.exit_code == 0
    text = (tmp_path / "base.json").read_text()
    document = json.loads(text)
    assert document["version"] == 1
    assert "line" not in text and all(key not in text for key in KEYS)
    assert (
        invoke("check", "--baseline", "base.json", "tree", cwd=tmp_path).exit_code == 0
    )
    client = tree / "client.py"
    client.write_text("\n\n# moved down\n" + client.read_text())  # lines move
    assert (
        invoke("check", "--baseline", "base.json", "tree", cwd=tmp_path).exit_code == 0
    )
    client.write_text(
        client.read_text()
        + '\n\ndef companies():\n    return requests.get("https://api.hubapi.com/companies/v2/companies/paged?hapikey=" + API_KEY)\n'
    )
    result = invoke("check", "--baseline", "base.json", "tree", cwd=tmp_path)
    assert result.exit_code == 1
    # the new use, and the new call to Companies v2 (a note)
    assert locations(result) == ["tree/client.py:34:12", "tree/client.py:34:25"]


def test_a_copy_of_a_baselined_use_is_new(tmp_path):
    (tmp_path / "a.sh").write_text('curl "https://x/?hapikey=$K"\n')
    invoke("baseline", "-o", "b.json", "a.sh", cwd=tmp_path)
    (tmp_path / "a.sh").write_text(
        'curl "https://x/?hapikey=$K"\ncurl "https://x/?hapikey=$K"\n'
    )
    result = invoke("check", "--baseline", "b.json", "a.sh", cwd=tmp_path)
    assert result.exit_code == 1 and len(locations(result)) == 1


def test_bad_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "b.json").write_text('{"version": 99}')
    (tmp_path / "a.py").write_text("x = 1\n")
    result = invoke("check", "--baseline", "b.json", "a.py", cwd=tmp_path)
    assert (
        result.exit_code == 2
        and "not a version 1 hapimigrate baseline" in result.stderr
    )


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_since_flags_only_added_lines(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(TREE, repo)
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "legacy")
    (repo / "sync.js").write_text(
        (repo / "sync.js").read_text() + 'fetch("/x?hapikey=" + k);\n'
    )
    (repo / "new.sh").write_text('curl "https://x/?hapikey=$K"\n')
    result = invoke("check", "--since", "HEAD", ".", cwd=repo)
    assert locations(result) == ["new.sh:1:18", "sync.js:5:11"]
    assert invoke("check", "--since", "no-such-ref", ".", cwd=repo).exit_code == 2


def test_after_apply_only_what_cannot_be_rewritten_remains(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(TREE, tree)
    invoke("apply", "tree", cwd=tmp_path)
    remaining = invoke("check", "tree", cwd=tmp_path).stdout
    rules = [
        (line.split(": ", 1)[0].split(":")[0], line.split(": ")[1].split()[0])
        for line in remaining.splitlines()
    ]
    keys = [r for r in rules if r[1] not in ("HM007", "HM008")]
    assert ("tree/client.py", "HM003") not in keys
    assert [r for r in keys if r[0] == "tree/client.py"] == [
        ("tree/client.py", "HM001"),  # developer key (a note)
        ("tree/client.py", "HM001"),  # passed to an unknown function
    ]
    # migrated or not, Owners v2 is retired: the guard keeps failing on it
    assert ("tree/client.py", "HM007") in rules
    assert ("tree/export.ipynb", "HM004") in rules  # the !curl line stays


def test_github_annotations_escape_what_they_must():
    from hapimigrate.model import Kind, Site, Status
    from hapimigrate.output.findings import github

    site = Site(
        "dir,x/a:b.py", 3, 5, 3, 12, Kind.URL, Status.MANUAL, "50% sure\nreally"
    )
    line = github([site])
    assert line == (
        "::error file=dir%2Cx/a%3Ab.py,line=3,col=5,endLine=3,endColumn=12,"
        "title=HM001 HubSpot API key in a URL::HubSpot API key in a URL (manual: 50%25 sure%0Areally)\n"
    )


def test_sarif_validates_against_the_sarif_2_1_0_schema():
    import jsonschema

    with open(
        os.path.join(os.path.dirname(__file__), "data", "sarif-2.1.0-rtm.5.json")
    ) as handle:
        schema = json.load(handle)
    document = json.loads(invoke("check", "--format", "sarif", "check-tree").stdout)
    jsonschema.Draft4Validator(schema).validate(document)
    broken = json.loads(json.dumps(document))
    broken["runs"][0]["results"][0]["level"] = "fatal"  # not a SARIF level
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate(broken)


def test_sarif_is_well_formed():
    document = json.loads(invoke("check", "--format", "sarif", "check-tree").stdout)
    assert document["version"] == "2.1.0"
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [
        "HM001",
        "HM002",
        "HM003",
        "HM004",
        "HM005",
        "HM006",
        "HM007",
        "HM008",
    ]
    assert all(r["help"]["text"] for r in rules)
    lifecycle = {r["id"]: r for r in rules if r["id"] in ("HM007", "HM008")}
    assert all(
        r["helpUri"].startswith("https://developers.hubspot.com/")
        for r in lifecycle.values()
    )
    assert lifecycle["HM007"]["helpUri"] in lifecycle["HM007"]["help"]["text"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert len(result["partialFingerprints"]["hapimigrate/v1"]) == 32


def test_output_file_and_no_traceback_on_bad_files(tmp_path):
    (tmp_path / "bad.py").write_bytes(b"\xff\xfe u = '?hapikey=' \x00")
    (tmp_path / "nb.ipynb").write_text("{ not json hapikey")
    result = run_cli("check", "-o", "out.txt", ".", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 2  # the broken notebook is an error
    assert "nb.ipynb: error: not a notebook" in result.stderr
    assert "bad.py:1:" in (tmp_path / "out.txt").read_text()
