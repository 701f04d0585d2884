"""A click CLI exporter (2019): the group's `--hapikey` option (envvar HUBSPOT_API_KEY) is
handed to a `HubSpot(hapikey)` client kept in `ctx.obj`; the client uses a
`requests.Session` with a urllib3 `Retry` adapter and a `_get(path, **params)` helper that
sets `params["hapikey"]` on the caller's kwargs; deals v1 offset/hasMore pagination, v3
objects with `paging.next.after`, properties v1. Beside it, an older argparse script takes
`--hapikey` and builds the query with `urlencode` for urllib (owners v2)."""

import contextlib
import io

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=5", "json": {
        "deals": [{"dealId": 6, "properties": {"dealname": {"value": "B"}}}], "hasMore": False, "offset": 6}},
    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {
        "deals": [{"dealId": 5, "properties": {"dealname": {"value": "A"}, "amount": {"value": "10"}}}],
        "hasMore": True, "offset": 5}},
    {"method": "GET", "url": r"/crm/v3/objects/companies.*after=c2", "json": {
        "results": [{"id": "3", "properties": {"name": "C"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/companies", "json": {
        "results": [{"id": "1", "properties": {"name": "A"}}, {"id": "2", "properties": {"name": "B"}}],
        "paging": {"next": {"after": "c2", "link": "https://api.hubapi.com/crm/v3/objects/companies?after=c2"}}}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties", "json": [
        {"name": "email", "type": "string"}, {"name": "hs_lead_status", "type": "enumeration"}]},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [
        {"ownerId": 1, "email": "a@corp.io"}, {"ownerId": 2, "email": "b@corp.io"}]},
]


def _run(args, env=None):
    from click.testing import CliRunner

    from hsexport.cli import cli

    result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def case_deals_from_env(credential):
    out = _run(["--page-size", "1", "deals"])
    assert "A" in out and "B" in out, out


def case_objects_with_key_option(credential):
    out = _run(["--hapikey", credential("cli"), "objects", "companies"])
    assert out.count("\n") == 3, out


def case_props_jsonl(credential):
    out = _run(["props", "contacts"])
    assert "hs_lead_status" in out


def case_legacy_argparse(credential):
    import legacy_owner_report

    with contextlib.redirect_stdout(io.StringIO()):
        report = legacy_owner_report.main(["--hapikey", credential("finance"), "--owner", "2"])
    assert report == {"b@corp.io": 2}
