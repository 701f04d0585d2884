"""Endpoint lifecycles: the catalog (built from the reference data, sources kept,
consistent with the scope catalog), the lookup, the report's view of every call
(with and without a key), check's rules (HM007 fails, HM008 notes), the date
they are judged on, and the token advice."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date

import pytest

from hapimigrate import hubspot
from hapimigrate.hubspot import catalog as scope_catalog
from hapimigrate.hubspot import lifecycle
from hapimigrate.model import Endpoint, Kind, Site, Status
from hapimigrate.report import build
from hapimigrate.rules import fails, message, rule_for, rule_id
from tests.conftest import FIXTURES, ROOT, TODAY, assert_golden, invoke

APP = "lifecycle-app"
RETIRED = "lifecycle-retired"
EXPECTED = os.path.join(FIXTURES, "lifecycle-expected")
SHARED = os.path.join(ROOT, "..", "shared", "data")


def report_json(*paths, cwd=FIXTURES) -> dict:
    result = invoke("report", "--format", "json", *paths, cwd=cwd)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def calls_of(document: dict) -> list[tuple[dict, dict]]:
    return [(site, call) for site in document["sites"] for call in site["calls"]]


# -- the catalog ------------------------------------------------------------------


def test_the_catalog_keeps_every_source_and_cites_only_known_ones():
    sources = lifecycle.sources()
    assert "S1" in sources and "S74" in sources and len(sources) == 73
    assert all(url.startswith("https://") for url in sources.values())
    cited = set()
    for family in lifecycle.families():
        cited.update(family["source"])
        for entry in (*family["replacement"], *family["events"]):
            cited.update(entry["source"])
    for rule in lifecycle.catalog()["general"]:
        cited.update(rule["source"])
    assert cited and cited <= set(sources)


@pytest.mark.skipif(
    not os.path.isdir(SHARED), reason="the project's reference data is not here"
)
def test_the_catalog_is_what_the_script_builds_from_the_reference_data(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_lifecycle", os.path.join(ROOT, "scripts", "build_lifecycle.py")
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    built = script.build(
        os.path.join(SHARED, "hubspot-api-lifecycle.json"),
        os.path.join(SHARED, "hubspot-v3-dated-pairs.json"),
    )
    script.write(built, str(tmp_path / "lifecycle.json"))
    shipped = os.path.join(ROOT, "hapimigrate", "hubspot", "data", "lifecycle.json")
    with open(shipped, encoding="utf-8") as handle:
        assert (tmp_path / "lifecycle.json").read_text("utf-8") == handle.read()


def test_every_replacement_path_in_the_data_is_in_the_scope_catalog():
    """The lifecycle facts and the scope catalog never disagree silently: each
    replacement HubSpot (or the function match) names, and each 2026-03 twin,
    is an operation of HubSpot's descriptions."""
    missing = [
        (r["method"], r["path"])
        for family in lifecycle.families()
        for r in family["replacement"]
        if (scope_catalog.lookup(r["method"], r["path"]) or _none()).source != "openapi"
    ]
    assert missing == []
    twins = [
        (method, dated)
        for method, _, dated, _, _ in lifecycle.catalog()["pairs"]
        if scope_catalog.lookup(method, dated) is None
    ]
    assert twins == []


def _none():
    return scope_catalog.ScopeNeed((), source="none")


def test_every_retired_family_has_an_example_the_report_labels_retired():
    retired = {f["name"] for f in lifecycle.families() if f["status"] == "retired"}
    document = report_json(RETIRED)
    labelled = {
        call["lifecycle"]["family"]
        for _, call in calls_of(document)
        if call["lifecycle"] and call["lifecycle"]["status"] == "retired"
    }
    assert len(retired) == 10 and labelled == retired


def test_check_fails_on_every_retired_example():
    result = invoke("check", RETIRED)
    assert result.exit_code == 1
    rules = [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()]
    assert rules == ["HM007"] * 10


# -- the lookup ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, path, status, date_, family",
    [
        ("GET", "/owners/v2/owners/{owner_id}", "retired", "2025-03-24", "Owners v2"),
        ("POST", "/contacts/v1/lists/{list_id}/add", "retired", "2026-04-30",
         "Contact Lists v1 (list CRUD and membership)"),
        # first match wins: the list-less feed survived the lists sunset
        ("GET", "/contacts/v1/lists/all/contacts/all", "unsupported-from", "2027-09",
         "Contact Lists v1: the three list-less contact feeds that survived the lists sunset"),
        ("GET", "/crm-pipelines/v1/pipelines/deals", "sunsetting", "2026-12-04", "CRM Pipelines v1"),
        ("POST", "/oauth/v1/token", "sunsetting", "2027-02-16", "OAuth v1 token endpoints"),
        ("GET", "/crm/v3/objects/contacts", "unsupported-from", "2027-09",
         "CRM v3 (objects, properties, pipelines, owners, lists, associations v3, imports, exports, schemas)"),
        ("GET", "/crm/v4/objects/deals/{id}/associations/contacts", "unsupported-from",
         "2027-03-30", "CRM v4 (associations) and other v4 APIs"),
        ("GET", "/automation/v3/workflows", "unsupported-from", "2027-09",
         "Workflows v2/v3 (/automation/v2, /automation/v3)"),
        ("POST", "/submissions/v3/integration/submit/1/2", "unsupported-from", "2027-09",
         lifecycle.GENERAL_V1_V3),
        ("GET", "/crm/objects/2026-03/contacts", "current", None, lifecycle.DATED),
    ],
)  # fmt: skip
def test_lookup(method, path, status, date_, family):
    found = hubspot.lifecycle_of(method, path)
    assert (found.status, found.date, found.family) == (status, date_, family)
    assert found.sources and set(found.sources) <= set(lifecycle.sources())


def test_nothing_is_known_of_paths_without_a_version():
    assert hubspot.lifecycle_of("GET", "/some/path") is None
    assert hubspot.lifecycle_of("GET", None) is None
    assert hubspot.lifecycle_of("GET", "relative/v1/x") is None


def test_a_method_restricted_family_and_an_unknown_method_give_the_mildest_answer():
    put = hubspot.lifecycle_of("PUT", "/integrations/v1/{app}/timeline/event")
    assert put.status == "retired" and not put.method_dependent
    post = hubspot.lifecycle_of("POST", "/integrations/v1/{app}/timeline/event")
    assert post.status == "unsupported-from"
    unknown = hubspot.lifecycle_of(None, "/integrations/v1/{app}/timeline/event")
    assert unknown.status == "unsupported-from" and unknown.method_dependent


def test_dated_twins_come_from_the_pairs_most_literal_first():
    same = hubspot.dated_twin("GET", "/crm/v3/objects/contacts/{cid}")
    assert (same.path, same.identical) == (
        "/crm/objects/2026-03/contacts/{contactId}",
        True,
    )
    differs = hubspot.dated_twin("GET", "/crm/v3/pipelines/deals")
    assert differs.identical is False
    assert differs.changes() == (
        "response 200: results[].stages[] requires writePermissions",
    )
    # /crm/v3/objects/{objectType} has a twin; payments, listed without one, has not
    assert hubspot.dated_twin("GET", "/crm/v3/objects/widgets").identical
    assert hubspot.dated_twin("GET", "/crm/v3/objects/payments") is None
    assert hubspot.lifecycle_of("GET", "/crm/v3/objects/payments").no_twin
    # an unknown method: the twin every method shares, identical only if all are
    assert hubspot.dated_twin(None, "/crm/v3/objects/deals/{id}").identical


@pytest.mark.parametrize(
    "method, path, safe, new",
    [
        ("GET", "/crm/v3/objects/contacts", True, "/crm/objects/2026-03/contacts"),
        ("GET", "/crm/objects/v3/{type}/{id}", True, "/crm/objects/2026-03/{type}/{id}"),
        ("GET", "/cms/v3/blogs/posts", True, "/cms/blogs/2026-03/posts"),
        ("POST", "/crm/v4/associations/contacts/companies/batch/read", True,
         "/crm/associations/2026-03/contacts/companies/batch/read"),
        ("GET", "/crm/v3/pipelines/deals", False, "/crm/pipelines/2026-03/deals"),
        ("GET", "/crm/v3/objects/payments", False, "/crm/objects/2026-03/payments"),
        ("GET", "/crm/v3/objects/contacts/", False, "/crm/objects/2026-03/contacts/"),
    ],
)  # fmt: skip
def test_path_swap(method, path, safe, new):
    swap = hubspot.path_swap(method, path)
    assert (swap.safe, swap.path) == (safe, new)
    assert bool(swap.reason) != safe


def test_no_path_swap_for_v1_v2():
    assert hubspot.path_swap("GET", "/owners/v2/owners") is None
    assert hubspot.path_swap("GET", "/contacts/v1/contact/vid/1/profile") is None


@pytest.mark.parametrize(
    "raw, words",
    [
        ("~.resp.200[0].properties.results.items.properties.stages.items.required: +['writePermissions'] -[]",
         "response 200: results[].stages[] requires writePermissions"),
        ("-.body[0].properties.seatNames", "request: drops seatNames"),
        ("+.resp.200", "adds a 200 response"),
        ("~.body[0].properties.inputs.items.properties.to.type: object -> array",
         "request: inputs[].to is array, was object"),
        ("~.resp.200[0].properties.results.items.required: +['associationTypes', 'toObjectId'] -['id', 'type']",
         "response 200: results[] requires associationTypes, toObjectId and no longer requires id, type"),
        ("something else", "something else"),
    ],
)  # fmt: skip
def test_differences_in_words(raw, words):
    assert lifecycle.describe_difference(raw) == words


# -- the day -----------------------------------------------------------------------


def test_today_is_read_from_the_environment(monkeypatch):
    assert hubspot.today() == date.fromisoformat(TODAY)
    monkeypatch.setenv("HAPIMIGRATE_TODAY", "2027-01-02")
    assert hubspot.today() == date(2027, 1, 2)
    monkeypatch.setenv("HAPIMIGRATE_TODAY", "soon")
    with pytest.raises(lifecycle.DateError, match="HAPIMIGRATE_TODAY"):
        hubspot.today()
    monkeypatch.delenv("HAPIMIGRATE_TODAY")
    assert hubspot.today() == date.today()


def test_a_bad_date_is_a_usage_error(monkeypatch, tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    monkeypatch.setenv("HAPIMIGRATE_TODAY", "tomorrow")
    result = invoke("report", "a.py", cwd=tmp_path)
    assert result.exit_code == 2 and "HAPIMIGRATE_TODAY" in result.stderr
    monkeypatch.setenv("HAPIMIGRATE_TODAY", TODAY)
    result = invoke("check", "--fail-before", "2027-13-01", "a.py", cwd=tmp_path)
    assert result.exit_code == 2 and "--fail-before" in result.stderr


def test_states_and_days_left_on_a_given_day():
    pipelines = hubspot.lifecycle_of("GET", "/crm-pipelines/v1/pipelines/deals")
    assert pipelines.state(date(2026, 11, 29)) == "sunsetting"
    assert pipelines.days_left(date(2026, 11, 29)) == 5
    assert pipelines.when(date(2026, 11, 29)) == "sunsets on 2026-12-04 (5 days left)"
    assert pipelines.state(date(2026, 12, 4)) == "retired"  # switched off that day
    assert pipelines.when(date(2027, 1, 1)) == "retired: failing since 2026-12-04"
    v3 = hubspot.lifecycle_of("GET", "/crm/v3/objects/contacts")
    assert v3.end == date(2027, 9, 1)  # a month counts from its first day
    assert v3.when(date(2026, 11, 29)) == (
        "unsupported from September 2027 (276 days left)"
    )
    assert v3.state(date(2027, 9, 1)) == "unsupported"  # not switched off


def test_after_the_sunset_check_fails_on_the_pipelines(monkeypatch, tmp_path):
    (tmp_path / "p.py").write_text(
        "import requests\n"
        "def stages():\n"
        "    return requests.get('https://api.hubapi.com/crm-pipelines/v1/pipelines/deals',"
        " headers={'Authorization': 'Bearer x'})\n"
    )
    before = invoke("check", "p.py", cwd=tmp_path)
    assert before.exit_code == 0 and " HM008 " in before.stdout
    monkeypatch.setenv("HAPIMIGRATE_TODAY", "2026-12-05")
    after = invoke("check", "p.py", cwd=tmp_path)
    assert after.exit_code == 1 and " HM007 " in after.stdout
    assert "failing since 2026-12-04" in after.stdout


# -- rules --------------------------------------------------------------------------


def call_site(*endpoints: Endpoint) -> Site:
    return Site("a.py", 1, 1, 1, 9, Kind.CALL, Status.KEPT, calls=endpoints)


def test_rules_of_calls():
    retired = call_site(Endpoint("GET", "/owners/v2/owners"))
    assert rule_for(retired).id == "HM007" and fails(retired)
    assert message(retired).startswith(
        "Call to a retired HubSpot endpoint: GET /owners/v2/owners: Owners v2, "
        "retired: failing since 2025-03-24; instead: GET /crm/owners/2026-03"
    )
    assert (
        "https://developers.hubspot.com/changelog/final-reminder-sunset-of-v2-owners-api"
        in message(retired)
    )
    v4 = call_site(Endpoint("GET", "/crm/v4/objects/deals/{id}/associations/contacts"))
    assert rule_for(v4).id == "HM008"
    assert not fails(v4) and fails(v4, strict=True)
    assert fails(v4, fail_before=date(2027, 3, 31))
    assert not fails(v4, fail_before=date(2027, 3, 30))  # the day itself: not before
    v3 = call_site(Endpoint("GET", "/crm/v3/objects/contacts"))
    assert not fails(v3, fail_before=date(2027, 9, 1))  # September 2027 starts then
    assert fails(v3, fail_before=date(2027, 9, 2))
    assert "`hapimigrate apply --modernize` rewrites it" in message(v3)
    current = call_site(Endpoint("GET", "/crm/objects/2026-03/contacts"))
    assert rule_id(current) is None and not fails(current, strict=True)
    version = Site("a.py", 1, 1, 1, 9, Kind.VERSION, Status.REWRITE)
    assert rule_id(version) is None


def test_a_site_with_several_calls_is_judged_by_the_worst(monkeypatch):
    site = call_site(
        Endpoint("GET", "/crm/v3/objects/contacts"),
        Endpoint("GET", "/owners/v2/owners"),
    )
    assert rule_for(site).id == "HM007"
    assert message(site).endswith("(and 1 more call)")


# -- the fixture app: report, check, --modernize -----------------------------------


FORMATS = {"text": "report.txt", "json": "report.json", "markdown": "report.md"}


@pytest.mark.parametrize("output_format", FORMATS)
def test_golden_report(output_format, update_goldens):
    result = invoke("report", "--format", output_format, APP)
    assert result.exit_code == 0
    assert_golden(
        os.path.join(EXPECTED, FORMATS[output_format]), result.stdout, update_goldens
    )


def test_golden_check(update_goldens):
    result = invoke("check", APP)
    assert result.exit_code == 1
    assert_golden(os.path.join(EXPECTED, "check.txt"), result.stdout, update_goldens)
    assert result.stderr.strip() == (
        "hapimigrate: 6 findings (1 developer key, 7 endpoint dates noted), 3 files looked at"
    )


def test_golden_modernize_diff(update_goldens):
    result = invoke("diff", "--modernize", APP)
    assert result.exit_code == 1
    assert_golden(
        os.path.join(EXPECTED, "modernize.diff"), result.stdout, update_goldens
    )
    assert "2 paths moved to 2026-03 (1 left for a person)" in result.stderr
    assert "1 call to a retired endpoint" in result.stderr


def test_report_gives_each_call_its_status_date_replacement_and_source():
    document = report_json(APP)
    assert document["version"] == 2
    seen = {
        (site["kind"], call["method"], call["endpoint"]): call["lifecycle"]
        for site, call in calls_of(document)
    }
    owners = seen[("url", "GET", "/owners/v2/owners")]  # still with hapikey
    assert owners["status"] == "retired" and owners["failing_since"] == "2025-03-24"
    assert owners["replacements"][0]["endpoint"] == "/crm/owners/2026-03"
    assert owners["sources"][0] == "S13"
    hubdb = seen[("call", "GET", "/hubdb/api/v2/tables/{table}/rows")]  # Bearer
    assert hubdb["status"] == "retired" and hubdb["days_left"] is None
    pipelines = seen[("params", "GET", "/crm-pipelines/v1/pipelines/deals")]
    assert (pipelines["status"], pipelines["days_left"]) == ("sunsetting", 5)
    contacts = seen[("call", "GET", "/crm/v3/objects/contacts")]
    assert contacts["date"] == "2027-09" and contacts["date_precision"] == "month"
    assert contacts["dated"]["endpoint"] == "/crm/objects/2026-03/contacts"
    assert contacts["dated"]["schemas_identical"] is True
    stages = seen[("call", "GET", "/crm/v3/pipelines/deals/{pipeline_id}/stages")]
    assert stages["dated"]["schemas_identical"] is False
    assert stages["dated"]["changes"] == [
        "response 200: results[] requires writePermissions"
    ]
    assert (
        seen[("call", "GET", "/crm/objects/2026-03/companies")]["status"] == "current"
    )
    summary = document["lifecycle"]
    assert (summary["retired"], summary["sunsetting"], summary["current"]) == (3, 2, 1)
    assert summary["by_date"] == {
        "2026-12-04": 1, "2027-02-16": 1, "2027-03-30": 1, "2027-09": 4,
    }  # fmt: skip
    assert summary["today"] == TODAY and summary["as_of"] == "2026-11-29"
    assert set(summary["sources"]) >= {"S1", "S13", "S15", "S40"}
    assert document["summary"]["sites"] == 4 and document["summary"]["calls"] == 7


def test_text_report_summary_block():
    out = invoke("report", APP).stdout
    assert (
        "  3 calls use endpoints HubSpot has retired: they fail today, whatever the token.\n"
        "  1 call uses an endpoint HubSpot switches off on 2026-12-04 (5 days left).\n"
        "  1 call uses an endpoint HubSpot switches off on 2027-02-16 (79 days left).\n"
        "  1 call uses a v4 endpoint unsupported from 2027-03-30.\n"
        "  4 calls use v1-v3 endpoints unsupported from September 2027.\n"
    ) in out
    assert "Create the private app" not in out
    assert (
        "  S13  https://developers.hubspot.com/changelog/final-reminder-sunset-of-v2-owners-api\n"
        in out
    )


def test_a_call_listed_by_its_key_site_is_not_listed_twice(tmp_path):
    (tmp_path / "a.py").write_text(
        "import requests\nKEY = 'x'\n"
        "def owners():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY)\n"
        "def owners_again():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners', headers={'Authorization': 'Bearer t'})\n"
        "def deals():\n"
        "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged', headers={'Authorization': 'Bearer t'})\n"
    )
    document = report_json("a.py", cwd=tmp_path)
    assert [(s["kind"], s["endpoint"]) for s in document["sites"]] == [
        ("url", "/owners/v2/owners"),
        ("call", "/deals/v1/deal/paged"),
    ]
    # check sees every call, each where it is made
    result = invoke("check", "a.py", cwd=tmp_path)
    rules = [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()]
    assert rules == ["HM007", "HM001", "HM007", "HM008"]


def test_check_on_migrated_code_without_any_key(tmp_path):
    (tmp_path / "clean.py").write_text(
        "import requests\n"
        "H = {'Authorization': 'Bearer t'}\n"
        "def contacts():\n"
        "    return requests.get('https://api.hubapi.com/crm/objects/2026-03/contacts', headers=H)\n"
    )
    assert invoke("check", "--strict", "clean.py", cwd=tmp_path).exit_code == 0
    (tmp_path / "old.py").write_text(
        "import requests\n"
        "H = {'Authorization': 'Bearer t'}\n"
        "def contacts():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/objects/contacts', headers=H)\n"
    )
    plain = invoke("check", "old.py", cwd=tmp_path)
    assert plain.exit_code == 0 and "HM008" in plain.stdout
    assert "(1 endpoint date noted)" in plain.stderr
    assert invoke("check", "--strict", "old.py", cwd=tmp_path).exit_code == 1
    assert (
        invoke("check", "--fail-before", "2027-10-01", "old.py", cwd=tmp_path).exit_code
        == 1
    )
    assert (
        invoke("check", "--fail-before", "2027-09-01", "old.py", cwd=tmp_path).exit_code
        == 0
    )


def test_fail_before_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.hapimigrate]\nfail-before = 2027-04-01\n"  # a TOML date
    )
    (tmp_path / "v4.py").write_text(
        "import requests\n"
        "def labels():\n"
        "    return requests.get('https://api.hubapi.com/crm/v4/associations/deals/contacts/labels',"
        " headers={'Authorization': 'Bearer t'})\n"
    )
    assert invoke("check", "v4.py", cwd=tmp_path).exit_code == 1
    assert (
        invoke("check", "--fail-before", "2027-03-01", "v4.py", cwd=tmp_path).exit_code
        == 0
    )


def test_noqa_names_the_lifecycle_rule(tmp_path):
    (tmp_path / "a.py").write_text(
        "import requests\n"
        "requests.get('https://api.hubapi.com/owners/v2/owners', headers={})  # noqa: HM007\n"
    )
    assert invoke("check", "a.py", cwd=tmp_path).exit_code == 0


def test_sarif_results_of_lifecycle_rules_link_their_source():
    document = json.loads(invoke("check", "--format", "sarif", APP).stdout)
    run = document["runs"][0]
    results = [r for r in run["results"] if r["ruleId"] in ("HM007", "HM008")]
    assert {r["level"] for r in results if r["ruleId"] == "HM007"} == {"error"}
    assert {r["level"] for r in results if r["ruleId"] == "HM008"} == {"note"}
    assert all("(source: https://" in r["message"]["text"] for r in results)


def test_baseline_records_lifecycle_findings(tmp_path):
    shutil.copytree(os.path.join(FIXTURES, APP), tmp_path / "app")
    assert invoke("baseline", "-o", "b.json", "app", cwd=tmp_path).exit_code == 0
    assert invoke("check", "--baseline", "b.json", "app", cwd=tmp_path).exit_code == 0
    text = (tmp_path / "b.json").read_text()
    assert '"rule": "HM007"' in text


def test_apply_modernize_is_idempotent_and_keeps_the_rest(tmp_path):
    shutil.copytree(os.path.join(FIXTURES, APP), tmp_path / "app")
    first = invoke("apply", "--modernize", "app", cwd=tmp_path)
    assert first.exit_code == 1  # the pipeline stages are left for a person
    modern = (tmp_path / "app" / "crm" / "modern.py").read_text()
    assert '"/crm/objects/2026-03/contacts"' in modern
    assert '"/crm/v3/pipelines/deals/"' in modern
    assert '"/hubdb/api/v2/tables/%s/rows"' in modern  # v2: named, never rewritten
    again = invoke("diff", "--modernize", "app", cwd=tmp_path)
    assert again.exit_code == 0 and again.stdout == ""
    document = report_json("app", cwd=tmp_path)
    assert document["lifecycle"]["modernizable"] == 0


def test_diff_without_modernize_rewrites_no_path(tmp_path):
    result = invoke("diff", APP)
    assert "2026-03" not in result.stdout
    assert "version" not in result.stderr


# -- where the token comes from ----------------------------------------------------


def test_token_advice_names_service_keys_and_their_limits(tmp_path):
    text = invoke("report", APP).stdout
    assert "a service key with these scopes" in text
    assert "project-based app" in text and "an OAuth app" in text
    assert "a service key cannot authenticate webhooks" in text  # webhooks v1 here
    document = report_json(APP)
    assert document["token_advice"]["single_account"] == "project-app"
    assert document["token_advice"]["webhooks"] is True
    (tmp_path / "a.py").write_text(
        "import requests\nKEY = 'k'\n"
        "requests.get('https://api.hubapi.com/crm/v3/objects/contacts?hapikey=' + KEY)\n"
    )
    text = invoke("report", "a.py", cwd=tmp_path).stdout
    assert "service key" in text and "cannot authenticate webhooks" not in text
    assert report_json("a.py", cwd=tmp_path)["token_advice"]["single_account"] == (
        "service-key"
    )


def test_report_build_on_a_given_day():
    sites = [call_site(Endpoint("GET", "/crm-pipelines/v1/pipelines/deals"))]
    early = build(sites, "env:X")
    assert early.lifecycle_counts()["sunsetting"] == 1
    from dataclasses import replace

    late = replace(early, today=date(2026, 12, 5))
    assert late.lifecycle_counts()["retired"] == 1


# -- which files are read ------------------------------------------------------------


@pytest.mark.parametrize(
    "data, key_site, api_calls",
    [
        (b"requests.get(URL + '?hapikey=' + K)", True, False),
        (b"from hubspot import HubSpot\n", True, False),
        (b"requests.get('https://api.hubapi.com/crm/v3/objects/contacts')", False, True),
        (b"# HubSpot sync\nrequests.get(BASE + '/crm/v3/objects/contacts')", False, True),
        (b"requests.get(BASE + '/api/v1/users')", False, False),  # names no HubSpot
        (b"print('hello')", False, False),
    ],
)  # fmt: skip
def test_prefilter(data, key_site, api_calls):
    from hapimigrate import prefilter

    assert prefilter.may_hold_key_site(data) == key_site
    assert prefilter.calls_hubspot_api(data) == api_calls
    assert prefilter.may_hold_python_site(data) == (key_site or api_calls)


def test_diff_does_not_parse_a_file_with_calls_but_no_key(tmp_path):
    from hapimigrate import providers, run
    from hapimigrate.model import CALLS_DATED, RunOptions

    path = tmp_path / "a.py"
    path.write_text(
        "import requests\nrequests.get('https://api.hubapi.com/owners/v2/owners')\n"
    )
    plain = run.process_file(str(path), RunOptions(providers.resolve(None)))
    assert plain.sites == () and plain.original is None  # as before: not read
    asked = run.process_file(
        str(path), RunOptions(providers.resolve(None), calls=CALLS_DATED)
    )
    assert [s.kind for s in asked.sites] == [Kind.CALL]


def test_a_big_module_is_sliced_around_its_calls_too(tmp_path):
    filler = "".join(f"def f{i}(x):\n    return x + {i}\n\n\n" for i in range(40))
    (tmp_path / "big.py").write_text(
        '"""HubSpot sync."""\nimport requests\nfrom conf import BASE\n\n\n'
        + filler
        + "def contacts():\n"
        "    return requests.get(BASE + '/crm/v3/objects/contacts', headers={})\n"
        + filler.replace("def f", "def g")
    )
    result = invoke("check", "--strict", "big.py", cwd=tmp_path)
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == [
        "big.py:167:12"
    ]


def test_modernize_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.hapimigrate]\nmodernize = true\n")
    (tmp_path / "a.py").write_text(
        "import requests\n"
        "requests.get('https://api.hubapi.com/crm/v3/objects/contacts', headers={})\n"
    )
    result = invoke("diff", "a.py", cwd=tmp_path)
    assert result.exit_code == 1 and "/crm/objects/2026-03/contacts" in result.stdout
    # report takes no such option: the key is ignored there
    assert invoke("report", "a.py", cwd=tmp_path).exit_code == 0
