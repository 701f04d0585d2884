"""`hapimigrate verify token`: the provider's token, asked about at the local HubSpot
stand-in, against the scopes the code needs; every outcome and its exit status."""

from __future__ import annotations

import json
import socket
import textwrap

import pytest

from hapimigrate.verify import introspect, scopes, token
from hapimigrate.hubspot import ScopeNeed
from hapimigrate.model import Endpoint, Kind, Site, Status
from hapimigrate.report import ObservedScopes, Report
from tests.conftest import invoke
from tests.hubspot_standin import (
    OAUTH_INTROSPECT,
    PRIVATE_APP_INFO,
    Grant,
    StandIn,
)

CRM = textwrap.dedent("""\
    import os

    import requests

    KEY = os.environ["HUBSPOT_API_KEY"]


    def all_contacts():
        return requests.get("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + KEY)


    def update_deal(deal_id, body):
        return requests.put(f"https://api.hubapi.com/deals/v1/deal/{deal_id}?hapikey={KEY}", json=body)
    """)
NEEDED = ("crm.objects.contacts.read", "crm.objects.deals.write")
PAT = "pat-na1-11111111-2222-3333-4444-555555555555"
OAUTH = "CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2"
HUB = 62515


@pytest.fixture
def code(tmp_path, monkeypatch):
    (tmp_path / "crm.py").write_text(CRM)
    for name in ("HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET", "HUBSPOT_ACCESS_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def verify(code, standin_or_url, *args, token_value=None, monkeypatch=None):
    if token_value is not None:
        monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", token_value)
    url = getattr(standin_or_url, "url", standin_or_url)
    return invoke("verify", "token", "--api-base", url, *args, cwd=code)


def grants(**tokens: Grant) -> dict[str, Grant]:
    return {PAT: Grant(scopes=NEEDED), **{k: v for k, v in tokens.items()}}


# --- private-app tokens ----------------------------------------------------------------


def test_a_token_with_every_needed_scope_passes(code, monkeypatch):
    with StandIn("unused", "dev", grants=grants()) as standin:
        result = verify(
            code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch
        )
    assert result.exit_code == 0, result.output
    assert "private-app token (region na1), hub 62515, app 1234567" in result.stdout
    assert "  ok       crm.objects.contacts.read" in result.stdout
    assert "  ok       crm.objects.deals.write" in result.stdout
    assert "Extra scopes" not in result.stdout
    assert result.stderr.strip().endswith("the token has every scope the code needs")
    # one request, to the API base, the token in its body only
    [seen] = standin.seen
    assert (seen.method, seen.path) == ("POST", PRIVATE_APP_INFO)
    assert json.loads(seen.body) == {"tokenKey": PAT}
    assert PAT not in seen.raw


def test_a_token_missing_one_scope_fails_and_names_the_call_that_needs_it(
    code, monkeypatch
):
    lacking = Grant(scopes=("crm.objects.contacts.read",))
    with StandIn("unused", "dev", grants={PAT: lacking}) as standin:
        result = verify(
            code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch
        )
    assert result.exit_code == 1, result.output
    [line] = [l for l in result.stdout.splitlines() if "MISSING" in l]
    assert "crm.objects.deals.write" in line
    assert "needed by crm.py:13 PUT /deals/v1/deal/{deal_id}" in line
    assert "the token lacks 1 scope: crm.objects.deals.write" in result.stderr


def test_the_stand_in_refuses_the_call_that_lacks_the_scope(code):
    """The same token, used for real: 403 MISSING_SCOPES names the scope."""
    import requests

    lacking = Grant(scopes=("crm.objects.contacts.read",))
    with StandIn("unused", "dev", grants={PAT: lacking}) as standin:
        auth = {"Authorization": f"Bearer {PAT}"}
        read = requests.get(
            standin.url + "/contacts/v1/lists/all/contacts/all", headers=auth
        )
        write = requests.put(standin.url + "/deals/v1/deal/7", headers=auth, json={})
    assert read.status_code == 200
    assert write.status_code == 403
    answer = write.json()
    assert answer["category"] == "MISSING_SCOPES"
    assert answer["errors"][0]["context"]["requiredGranularScopes"] == [
        "crm.objects.deals.write"
    ]


def test_extra_scopes_are_a_warning_not_a_failure(code, monkeypatch):
    wide = Grant(scopes=NEEDED + ("automation", "crm.objects.companies.write"))
    with StandIn("unused", "dev", grants={PAT: wide}) as standin:
        result = verify(
            code,
            standin,
            "crm.py",
            "--format",
            "json",
            token_value=PAT,
            monkeypatch=monkeypatch,
        )
        text = verify(code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["ok"] is True
    assert document["extra"] == ["automation", "crm.objects.companies.write"]
    assert document["missing"] == []
    assert document["needed"]["scopes"] == list(NEEDED)
    assert document["token"]["scopes"] == sorted(wide.scopes)
    assert text.exit_code == 0
    assert "Extra scopes no call needs (least privilege" in text.stdout
    assert "warning: 2 extra scopes" in text.stderr


def test_a_token_for_another_hub_fails_with_expect_hub(code, monkeypatch):
    with StandIn("unused", "dev", grants=grants()) as standin:
        wrong = verify(
            code,
            standin,
            "crm.py",
            "--expect-hub",
            "999",
            token_value=PAT,
            monkeypatch=monkeypatch,
        )
        right = verify(
            code,
            standin,
            "crm.py",
            "--expect-hub",
            str(HUB),
            token_value=PAT,
            monkeypatch=monkeypatch,
        )
    assert wrong.exit_code == 1
    assert "hub: 62515, NOT the expected 999" in wrong.stdout
    assert "the token is for hub 62515, not 999 (--expect-hub)" in wrong.stderr
    assert right.exit_code == 0, right.output
    assert "hub: 62515, as expected" in right.stdout


def test_one_of_a_group_is_enough_and_none_of_it_fails(code, monkeypatch):
    (code / "engagements.py").write_text(
        "import requests\n"
        "def recent(key):\n"
        '    return requests.get("https://api.hubapi.com/engagements/v1/engagements/paged?hapikey=" + key)\n'
    )
    tickets = Grant(scopes=("tickets",))
    none = Grant(scopes=("crm.objects.owners.read",))
    other = "pat-eu1-99999999-2222-3333-4444-555555555555"
    with StandIn("unused", "dev", grants={PAT: tickets, other: none}) as standin:
        met = verify(
            code,
            standin,
            "engagements.py",
            "--format",
            "json",
            token_value=PAT,
            monkeypatch=monkeypatch,
        )
        unmet = verify(
            code, standin, "engagements.py", token_value=other, monkeypatch=monkeypatch
        )
    assert met.exit_code == 0, met.output
    [group] = json.loads(met.stdout)["needed"]["scopes_any_of"]
    assert "tickets" in group["scopes"] and group["satisfied_by"] == ["tickets"]
    assert unmet.exit_code == 1
    assert "region eu1" in unmet.stdout
    assert "MISSING  crm.objects.companies.read | " in unmet.stdout
    assert "the token has none of: crm.objects.companies.read" in unmet.stderr
    assert "crm.objects.owners.read" in unmet.stdout  # extra


def test_an_unknown_private_app_token_is_a_clear_401(code, monkeypatch):
    with StandIn("unused", "dev") as standin:
        result = verify(
            code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch
        )
    assert result.exit_code == 2
    assert "HubSpot refused the request (401" in result.stderr
    assert "not valid: revoked, mistyped" in result.stderr


def test_a_token_hubspot_does_not_know_fails(code, monkeypatch):
    with StandIn("unused", "dev", unknown_token_status=404) as standin:
        result = verify(
            code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch
        )
    assert result.exit_code == 1
    assert "HubSpot does not know this token (404" in result.stdout


def test_a_rate_limit_is_reported_with_retry_after(code, monkeypatch):
    with StandIn("unused", "dev", grants=grants()) as standin:
        standin.throttle(1, retry_after="7")
        result = verify(
            code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch
        )
        again = verify(
            code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch
        )
    assert result.exit_code == 2
    assert "HubSpot's rate limit was hit (429: RATE_LIMITS" in result.stderr
    assert "retry after 7 seconds" in result.stderr
    assert len(standin.seen) == 2  # asked once each time: no retry of its own
    assert again.exit_code == 0, again.output


def test_a_network_error_is_reported(code, monkeypatch):
    with socket.socket() as closed:  # bound, never listening: connection refused
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        result = verify(
            code,
            f"http://127.0.0.1:{port}",
            "crm.py",
            token_value=PAT,
            monkeypatch=monkeypatch,
        )
    assert result.exit_code == 2
    assert f"cannot reach http://127.0.0.1:{port}" in result.stderr
    assert "refused" in result.stderr.lower()


@pytest.mark.parametrize(
    "base",
    [
        "http://api.hubapi.com",
        "http://10.1.2.3:8080",
        "ftp://127.0.0.1",
        "api.hubapi.com",
    ],
)
def test_the_token_is_never_sent_in_clear_over_the_network(code, monkeypatch, base):
    result = verify(code, base, "crm.py", token_value=PAT, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "--api-base must" in result.output


def test_api_base_rules():
    assert (
        introspect.check_api_base("https://api.hubapi.com/") == "https://api.hubapi.com"
    )
    assert introspect.check_api_base("http://localhost:8080") == "http://localhost:8080"
    assert introspect.check_api_base("http://[::1]:9/") == "http://[::1]:9"
    assert (
        introspect.check_api_base("https://proxy.example/hs/")
        == "https://proxy.example/hs"
    )
    for bad in ("https://u:p@api.hubapi.com", "https://api.hubapi.com/?x=1"):
        with pytest.raises(ValueError):
            introspect.check_api_base(bad)


# --- OAuth access tokens -----------------------------------------------------------------


def test_oauth_token_introspected_with_client_credentials(code, monkeypatch):
    oauth = Grant(kind="oauth", scopes=NEEDED + ("oauth",), expires_in=1500)
    monkeypatch.setenv("HUBSPOT_CLIENT_ID", "client-1")
    monkeypatch.setenv("HUBSPOT_CLIENT_SECRET", "secret-2")
    with StandIn(
        "unused",
        "dev",
        grants={OAUTH: oauth},
        client_id="client-1",
        client_secret="secret-2",
    ) as standin:
        result = verify(
            code,
            standin,
            "crm.py",
            "--format",
            "json",
            token_value=OAUTH,
            monkeypatch=monkeypatch,
        )
        text = verify(
            code, standin, "crm.py", token_value=OAUTH, monkeypatch=monkeypatch
        )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["token"]["kind"] == "oauth"
    assert document["token"]["asked_with"] == f"POST {OAUTH_INTROSPECT}"
    assert document["token"]["expires_in"] == 1500
    assert document["extra"] == []  # "oauth" comes with every OAuth app
    seen = standin.seen[0]
    form = dict(p.split("=", 1) for p in seen.body.decode().split("&"))
    assert form["client_id"] == "client-1" and form["client_secret"] == "secret-2"
    assert "expires: in 25 min" in text.stdout
    assert "secret-2" not in result.output + text.output


def test_an_expired_oauth_token_fails(code, monkeypatch):
    expired = Grant(kind="oauth", scopes=NEEDED, expires_in=0)
    monkeypatch.setenv("HUBSPOT_CLIENT_ID", "client-1")
    monkeypatch.setenv("HUBSPOT_CLIENT_SECRET", "secret-2")
    with StandIn("unused", "dev", grants={OAUTH: expired}) as standin:
        result = verify(
            code, standin, "crm.py", token_value=OAUTH, monkeypatch=monkeypatch
        )
    assert result.exit_code == 1
    assert "not active: the token is not active: expired" in result.stdout
    assert "have the provider refresh it" in result.stderr


def test_wrong_client_credentials_are_a_clear_401(code, monkeypatch):
    oauth = Grant(kind="oauth", scopes=NEEDED)
    monkeypatch.setenv("HUBSPOT_CLIENT_ID", "client-1")
    monkeypatch.setenv("HUBSPOT_CLIENT_SECRET", "wrong")
    with StandIn(
        "unused", "dev", grants={OAUTH: oauth}, client_id="client-1", client_secret="s"
    ) as standin:
        result = verify(
            code, standin, "crm.py", token_value=OAUTH, monkeypatch=monkeypatch
        )
    assert result.exit_code == 2
    assert "HUBSPOT_CLIENT_ID / HUBSPOT_CLIENT_SECRET" in result.stderr


def test_without_client_credentials_the_v1_endpoint_is_asked_with_a_note(
    code, monkeypatch
):
    oauth = Grant(kind="oauth", scopes=NEEDED, hub_id=4242, expires_in=600)
    expired = "C" + "x" * 40
    with StandIn(
        "unused",
        "dev",
        grants={OAUTH: oauth, expired: Grant(kind="oauth", expires_in=-5)},
    ) as standin:
        result = verify(
            code,
            standin,
            "crm.py",
            "--expect-hub",
            "4242",
            token_value=OAUTH,
            monkeypatch=monkeypatch,
        )
        gone = verify(
            code, standin, "crm.py", token_value=expired, monkeypatch=monkeypatch
        )
    assert result.exit_code == 0, result.output
    assert "asked with GET /oauth/v1/access-tokens/{token}" in result.stdout
    assert "which HubSpot retires on 2027-02-16" in result.stdout
    assert "expires: in 10 min" in result.stdout
    assert gone.exit_code == 1
    assert "HubSpot does not know this token (404" in gone.stdout
    assert OAUTH not in result.output and expired not in gone.output


def test_a_legacy_oauth_app_with_coarse_scopes_passes(code, monkeypatch):
    """API-key era OAuth apps were granted `contacts`: enough for these v1 calls."""
    legacy = Grant(kind="oauth", scopes=("contacts", "oauth"))
    with StandIn("unused", "dev", grants={OAUTH: legacy}) as standin:
        result = verify(
            code, standin, "crm.py", token_value=OAUTH, monkeypatch=monkeypatch
        )
    assert result.exit_code == 0, result.output
    assert "MISSING" not in result.stdout and "Extra" not in result.stdout


# --- kinds that are not asked about ----------------------------------------------------


@pytest.mark.parametrize(
    "value, args, expected",
    [
        (
            "svc-key-opaque-value",
            ("--token-kind", "service-key"),
            "service keys have no documented",
        ),
        ("some-opaque-credential", (), "neither a private-app token"),
    ],
)
def test_service_keys_and_unknown_kinds_are_skipped_without_a_call(
    code, monkeypatch, value, args, expected
):
    with StandIn("unused", "dev") as standin:
        result = verify(
            code, standin, "crm.py", *args, token_value=value, monkeypatch=monkeypatch
        )
    assert result.exit_code == 0, result.output
    assert expected in result.stdout
    assert "Scopes the code needs (not checked):" in result.stdout
    assert standin.seen == []  # no guessing calls


def test_a_portal_api_key_given_as_the_token_fails_without_a_call(code, monkeypatch):
    with StandIn("unused", "dev") as standin:
        result = verify(
            code,
            standin,
            "crm.py",
            token_value="f00dcafe-1234-5678-9abc-def012345678",
            monkeypatch=monkeypatch,
        )
    assert result.exit_code == 1
    assert "a portal API key (a UUID), not an access token" in result.stderr
    assert standin.seen == []


# --- where the token comes from ----------------------------------------------------------


def test_the_token_comes_from_the_configured_provider(code, monkeypatch):
    (code / "myauth.py").write_text(
        f"def token():\n    return {PAT!r}\n\ndef broken():\n    raise RuntimeError('vault sealed')\n"
    )
    (code / "pyproject.toml").write_text(
        '[tool.hapimigrate]\ntoken-provider = "myauth:token"\n'
    )
    monkeypatch.syspath_prepend(str(code))
    with StandIn("unused", "dev", grants=grants()) as standin:
        configured = verify(code, standin, "crm.py")
        failing = verify(code, standin, "crm.py", "--token-provider", "myauth:broken")
    assert configured.exit_code == 0, configured.output
    assert json.loads(standin.seen[0].body) == {"tokenKey": PAT}
    assert failing.exit_code == 2
    assert "the token provider myauth:broken failed: RuntimeError: vault sealed" in (
        failing.stderr
    )


def test_an_unset_token_variable_is_a_clear_error(code, monkeypatch):
    result = verify(
        code,
        "https://api.hubapi.com",
        "crm.py",
        "--token-provider",
        "env:MY_HUBSPOT_TOKEN",
    )
    assert result.exit_code == 2
    assert "MY_HUBSPOT_TOKEN is not set" in result.stderr
    assert result.stdout == ""


# --- what the code needs, after apply ---------------------------------------------------


def test_after_apply_the_migrated_calls_still_say_what_the_token_needs(
    code, monkeypatch
):
    monkeypatch.setenv("HUBSPOT_API_KEY", "unused")
    applied = invoke("apply", "--report", "scopes.json", "crm.py", cwd=code)
    assert applied.exit_code == 0, applied.output
    assert "hapikey" not in (code / "crm.py").read_text()
    (code / "util.py").write_text("def add(a, b):\n    return a + b\n")
    lacking = Grant(scopes=("crm.objects.contacts.read",))
    with StandIn("unused", "dev", grants={PAT: lacking}) as standin:
        migrated = verify(
            code, standin, "crm.py", token_value=PAT, monkeypatch=monkeypatch
        )
        reported = verify(
            code,
            standin,
            "--from-report",
            "scopes.json",
            token_value=PAT,
            monkeypatch=monkeypatch,
        )
        nothing = verify(
            code, standin, "util.py", token_value=PAT, monkeypatch=monkeypatch
        )
    for result in (migrated, reported):
        assert result.exit_code == 1, result.output
        assert "MISSING  crm.objects.deals.write" in result.stdout
    assert nothing.exit_code == 0
    assert "The code makes no HubSpot call hapimigrate knows of" in nothing.stdout


def test_a_report_file_that_is_not_one_is_a_usage_error(code, monkeypatch):
    (code / "other.json").write_text('{"hello": 1}')
    result = verify(
        code,
        "https://api.hubapi.com",
        "--from-report",
        "other.json",
        token_value=PAT,
        monkeypatch=monkeypatch,
    )
    assert result.exit_code == 2
    assert "not a hapimigrate JSON report" in result.output


# --- the comparison, as a unit --------------------------------------------------------


def _report(*needs: tuple[str, str, ScopeNeed | None]) -> Report:
    from hapimigrate.report import CallScopes, SiteScopes

    entries = []
    for number, (method, path, need) in enumerate(needs, 1):
        site = Site("a.py", number, 1, number, 2, Kind.URL, Status.REWRITE)
        entries.append(SiteScopes(site, (CallScopes(Endpoint(method, path), need),)))
    return Report("env:X", tuple(entries), ())


def test_compare_missing_extra_and_unknown_need():
    report = _report(
        ("GET", "/a", ScopeNeed(("a.read",))),
        ("PUT", "/b", ScopeNeed(("b.write",), ("x", "y"))),
        ("GET", "/c", None),
    )
    result = scopes.compare(report, ["a.read", "y", "z", "oauth"])
    assert [m.scope for m in result.missing] == ["b.write"]
    assert [str(u) for u in result.missing[0].needed_by] == ["a.py:2 PUT /b"]
    assert result.extra == ("z",)
    assert result.groups[0].satisfied_by == ("y",)
    assert result.calls == 2


def test_observed_calls_no_site_made_count_too():
    need = ScopeNeed(("crm.objects.contacts.read",))
    report = Report(
        "env:X",
        (),
        (),
        observed=(
            ObservedScopes(
                Endpoint("GET", "/crm/v3/objects/contacts"), need, 3, ("app.py:9",)
            ),
        ),
    )
    result = scopes.compare(report, [])
    assert [(m.scope, str(m.needed_by[0])) for m in result.missing] == [
        ("crm.objects.contacts.read", "app.py:9 GET /crm/v3/objects/contacts")
    ]


@pytest.mark.parametrize(
    "value, kind",
    [
        (PAT, token.PRIVATE_APP),
        ("pat-eu1-abc", token.PRIVATE_APP),
        (OAUTH, token.OAUTH),
        ("f00dcafe-1234-5678-9abc-def012345678", token.UNKNOWN),
        ("sk_live_whatever", token.UNKNOWN),
    ],
)
def test_token_kinds_by_shape(value, kind):
    assert token.kind_of(value) == kind


def _asker(status, body=b"{}", headers=None):
    def ask(method, url, sent_headers, sent_body):
        return status, headers or {}, body

    return ask


@pytest.mark.parametrize(
    "status, body, expected",
    [
        (302, b"", "answered a redirect (302), which is not followed"),
        (200, b"<html>", "did not answer JSON"),
        (503, b'{"message": "down"}', "HubSpot failed to answer (503: down)"),
        (418, b"", "answered 418"),
    ],
)
def test_answers_that_are_not_token_info_are_errors(status, body, expected):
    with pytest.raises(introspect.IntrospectionError) as error:
        introspect.introspect(
            PAT, "private-app", "https://api.hubapi.com", asker=_asker(status, body)
        )
    assert expected in str(error.value)


def test_messages_never_carry_the_token_or_the_secret():
    echo = json.dumps({"message": f"bad token {OAUTH} for secret s3cr3t-value"})
    with pytest.raises(introspect.IntrospectionError) as error:
        introspect.introspect(
            OAUTH,
            "oauth",
            "https://api.hubapi.com",
            client_id="id",
            client_secret="s3cr3t-value",
            asker=_asker(401, echo.encode()),
        )
    assert OAUTH not in str(error.value) and "s3cr3t-value" not in str(error.value)
    assert "bad token *** for secret ***" in str(error.value)


def test_a_refresh_token_is_not_an_access_token():
    answer = json.dumps({"active": True, "token_use": "refresh"}).encode()
    info = introspect.introspect(
        OAUTH,
        "oauth",
        "https://api.hubapi.com",
        client_id="id",
        client_secret="secret",
        asker=_asker(200, answer),
    )
    assert not info.active and "refresh token" in info.reason


def test_retry_after_as_a_date():
    date = "Wed, 21 Oct 2026 07:28:00 GMT"
    with pytest.raises(introspect.IntrospectionError) as error:
        introspect.introspect(
            PAT,
            "private-app",
            "https://api.hubapi.com",
            asker=_asker(429, b"", {"Retry-After": date}),
        )
    assert "retry after 2026-10-21T07:28:00+00:00" in str(error.value)
