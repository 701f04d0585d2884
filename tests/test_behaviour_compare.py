"""The behavioural harness's comparison on synthetic records: one test per verdict."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.behaviour.compare import (
    OK,
    REPORTED,
    Verdict,
    compare_case,
    redact,
)
from tests.behaviour.records import CaseRun, Failure, Frame, Request, Site

HUB = "https://api.hubapi.com"
CONTACTS = f"{HUB}/contacts/v1/lists/all/contacts/all"
BEARER_MAIN = (("Authorization", "Bearer tok-main"),)


def req(
    url: str,
    method: str = "GET",
    headers: tuple[tuple[str, str], ...] = (),
    body: str | None = None,
    file: str = "app/client.py",
    line: int = 10,
) -> Request:
    stack = (Frame("main.py", 3, "main"), Frame(file, line, "call"))
    return Request("requests", method, url, headers, body, stack)


def run(phase: str, *requests: Request, error: Failure | None = None) -> CaseRun:
    return CaseRun("case_x", phase, tuple(requests), error)


def one(before: Request, after: Request, sites: tuple[Site, ...] = ()) -> Verdict:
    verdicts = compare_case(run("before", before), run("after", after), sites)
    assert len(verdicts) == 1
    return verdicts[0]


def test_ok_migrated_to_bearer_token() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-main&count=5", headers=(("Accept", "x"),)),
        req(f"{CONTACTS}?count=5", headers=(("Accept", "x"), *BEARER_MAIN)),
    )
    assert (verdict.label, verdict.where, verdict.details) == (
        "ok",
        "app/client.py:10",
        (),
    )


def test_ok_ignores_query_order_json_layout_and_transport_headers() -> None:
    verdict = one(
        req(
            f"{CONTACTS}?a=1&hapikey=key-main&b=2&a=3",
            "POST",
            (("User-Agent", "x/1"), ("Content-Length", "20")),
            '{"b": [1, 2], "a": {"y": 1, "x": 2}}',
        ),
        req(
            f"{CONTACTS}?b=2&a=3&a=1",
            "POST",
            (("User-Agent", "x/2"), ("Content-Length", "18"), *BEARER_MAIN),
            '{"a":{"x":2,"y":1},"b":[1,2]}',
        ),
    )
    assert verdict.kind == OK


def test_ok_developer_key_kept() -> None:
    url = f"{HUB}/webhooks/v1/123/subscriptions?hapikey=devkey-app"
    assert one(req(url), req(url)).kind == OK


def test_ok_form_submission_without_credentials() -> None:
    form = "https://forms.hubspot.com/uploads/form/v2/1/abc"
    verdict = one(
        req(f"{form}?hapikey=key-main", "POST", body="email=a%40b.c"),
        req(form, "POST", body="email=a%40b.c"),
    )
    assert verdict.kind == OK


def test_ok_other_host_untouched() -> None:
    slack = req("https://hooks.slack.com/services/T/B/X", "POST", body='{"text": "hi"}')
    assert one(slack, slack).kind == OK


def test_ok_oauth_request_identical() -> None:
    oauth = req(CONTACTS, headers=(("Authorization", "Bearer oauth-user1"),))
    assert one(oauth, oauth).kind == OK


def test_ok_hard_coded_key_becomes_default_token() -> None:
    literal = "5f1c3e2a-8b4d-4e6f-9a7c-1d2e3f4a5b6c"
    verdict = one(
        req(f"{CONTACTS}?hapikey={literal}"), req(CONTACTS, headers=BEARER_MAIN)
    )
    assert verdict.kind == OK


def test_unchanged_reported_when_a_manual_site_is_on_the_stack() -> None:
    before = req(f"{CONTACTS}?hapikey=key-main", file="app/client.py")
    sites = (Site("app/client.py", 4, "manual", "passed to another module"),)
    assert one(before, before, sites).kind == REPORTED


def test_unchanged_reported_when_the_manual_site_is_a_hook_run_for_the_request() -> (
    None
):
    before = dataclasses.replace(
        req(f"{CONTACTS}?hapikey=key-main"),
        callbacks=(Frame("app/auth.py", 7, "__call__"),),
    )
    sites = (Site("app/auth.py", 8, "manual"),)
    assert one(before, before, sites).kind == REPORTED


def test_key_left_unreported_when_the_manual_site_is_elsewhere() -> None:
    before = req(f"{CONTACTS}?hapikey=key-main", file="app/client.py")
    sites = (Site("app/other.py", 4, "manual"), Site("app/client.py", 9, "rewrite"))
    verdict = one(before, before, sites)
    assert verdict.label == "wrong:key-left-unreported"


def test_token_handed_to_unmigrated_code_is_a_key_left() -> None:
    # The caller now passes tok-acme, the code still sends it as hapikey.
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-acme"), req(f"{CONTACTS}?hapikey=tok-acme")
    )
    assert verdict.label == "wrong:key-left-unreported"


def test_credential_lost() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-main&count=5"), req(f"{CONTACTS}?count=5")
    )
    assert verdict.label == "wrong:credential-lost"


def test_credential_lost_when_the_token_is_not_a_bearer_header() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-main"), req(f"{CONTACTS}?access_token=tok-main")
    )
    assert verdict.label == "wrong:credential-lost"
    assert "query:access_token" in verdict.details[0]


def test_token_leak_to_another_host() -> None:
    slack = "https://hooks.slack.com/services/T/B/X?text=done"
    verdict = one(
        req(slack, file="app/http.py", line=8), req(slack, headers=BEARER_MAIN)
    )
    assert verdict.label == "wrong:token-to-other-host"
    assert verdict.where == "app/http.py:8"
    assert "hooks.slack.com" in verdict.details[0]
    assert verdict.after.endswith("[Authorization: Bearer tok-main]")


def test_wrong_token_global_instead_of_the_callers() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-acme"), req(CONTACTS, headers=BEARER_MAIN)
    )
    assert verdict.label == "wrong:wrong-token"
    assert "tok-acme" in verdict.details[0]


def test_wrong_token_two_keys_collapsed_into_one() -> None:
    verdicts = compare_case(
        run(
            "before",
            req(f"{CONTACTS}?hapikey=key-eu"),
            req(f"{CONTACTS}?hapikey=key-us"),
        ),
        run(
            "after",
            req(CONTACTS, headers=BEARER_MAIN),
            req(CONTACTS, headers=BEARER_MAIN),
        ),
        (),
    )
    assert [v.label for v in verdicts] == ["wrong:wrong-token", "wrong:wrong-token"]


def test_params_changed() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-main&count=5&property=email"),
        req(f"{CONTACTS}?count=5", headers=BEARER_MAIN),
    )
    assert verdict.label == "wrong:params-changed"


def test_path_changed() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-main"),
        req(f"{HUB}/contacts/v1/lists/all/contacts/all/", headers=BEARER_MAIN),
    )
    assert verdict.label == "wrong:path-changed"


def test_method_changed() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-main", "POST"),
        req(CONTACTS, "GET", headers=BEARER_MAIN),
    )
    assert verdict.label == "wrong:method-changed"


def test_body_changed() -> None:
    verdict = one(
        req(f"{CONTACTS}?hapikey=key-main", "POST", body=json.dumps({"a": 1})),
        req(CONTACTS, "POST", BEARER_MAIN, json.dumps({"a": 2})),
    )
    assert verdict.label == "wrong:body-changed"


def test_headers_changed() -> None:
    verdict = one(
        req(
            f"{CONTACTS}?hapikey=key-main",
            headers=(("Content-Type", "application/json"),),
        ),
        req(CONTACTS, headers=BEARER_MAIN),
    )
    assert verdict.label == "wrong:headers-changed"


def test_oauth_changed() -> None:
    verdict = one(
        req(CONTACTS, headers=(("Authorization", "Bearer oauth-user1"),)),
        req(CONTACTS, headers=BEARER_MAIN),
    )
    assert verdict.label == "wrong:oauth-changed"


def test_request_count_differs_reported_once() -> None:
    verdicts = compare_case(
        run(
            "before",
            req(f"{CONTACTS}?hapikey=key-main"),
            req(f"{HUB}/x?hapikey=key-main"),
        ),
        run("after", req(CONTACTS, headers=BEARER_MAIN)),
        (),
    )
    assert [v.label for v in verdicts] == ["ok", "wrong:request-count-differs"]
    assert verdicts[1].index is None


def test_crash_after() -> None:
    boom = Failure(
        "TypeError", "can only concatenate str", (Frame("app/client.py", 5, "f"),)
    )
    verdicts = compare_case(run("before"), run("after", error=boom), ())
    assert [(v.label, v.where) for v in verdicts] == [
        ("wrong:crash-after", "app/client.py:5")
    ]


def test_crash_after_explained_by_a_manual_site() -> None:
    boom = Failure(
        "KeyError", "'HUBSPOT_API_KEY'", (Frame("app/settings.py", 5, "<module>"),)
    )
    sites = (Site("app/settings.py", 5, "manual"),)
    verdicts = compare_case(run("before"), run("after", error=boom), sites)
    assert [v.kind for v in verdicts] == [REPORTED]


def test_same_crash_before_and_after_is_not_a_verdict() -> None:
    before = Failure("ValueError", "bad key-main", ())
    after = Failure("ValueError", "bad tok-main", ())
    assert (
        compare_case(run("before", error=before), run("after", error=after), ()) == ()
    )


def test_crash_only_before() -> None:
    boom = Failure("ValueError", "x", ())
    verdicts = compare_case(run("before", error=boom), run("after"), ())
    assert [v.label for v in verdicts] == ["wrong:crash-differs"]


@pytest.mark.parametrize(
    "text, shown",
    [
        (
            "GET /x?hapikey=5f1c3e2a-8b4d-4e6f-9a7c-1d2e3f4a5b6c&a=1",
            "GET /x?hapikey=***&a=1",
        ),
        ("[('hapikey', 'abc123')]", "[('hapikey', '***')]"),
        ("Bearer pat-na1-0000", "Bearer ***"),
        ("hapikey=key-main Bearer tok-acme", "hapikey=key-main Bearer tok-acme"),
    ],
)
def test_redact_masks_all_but_the_markers(text: str, shown: str) -> None:
    assert redact(text) == shown


def test_hard_coded_key_is_masked_in_verdicts() -> None:
    literal = "5f1c3e2a-8b4d-4e6f-9a7c-1d2e3f4a5b6c"
    verdict = one(
        req(f"{CONTACTS}?hapikey={literal}"), req(f"{CONTACTS}?hapikey={literal}")
    )
    assert verdict.label == "wrong:key-left-unreported"
    assert literal not in " ".join((*verdict.details, verdict.before, verdict.after))


def test_an_untouched_request_is_reported_when_sites_need_a_person_elsewhere():
    manual = (Site("query.py", 3, "manual", "url"),)
    before = req(f"{CONTACTS}?hapikey=key-main", file="fetch.py")
    assert one(before, before, manual).kind == REPORTED
    changed = req(f"{CONTACTS}?hapikey=key-main&a=1", file="fetch.py")
    assert one(before, changed, manual).kind == "wrong"
