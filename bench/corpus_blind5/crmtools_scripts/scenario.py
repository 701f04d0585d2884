"""A repository holding a small package (`crmtools/`, grown from a 2016 single-file
sync script) and cron scripts in `scripts/` that put the repository root on sys.path
and import `crmtools.hubspot.Client`. The client reads the key from the environment
unless a caller hands one in (`--api-key` for the sandbox portal); a Slack helper
shares the client's DEFAULT_HEADERS dict (a token put there would go to Slack)."""

import runpy
import sys

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T000/B000/XXXX",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [
            {
                "ownerId": 1,
                "email": "ann@example.com",
                "firstName": "Ann",
                "lastName": "A",
            },
            {
                "ownerId": 2,
                "email": "bob@example.com",
                "firstName": "Bob",
                "lastName": "B",
            },
        ],
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged.*offset=0",
        "json": {
            "deals": [
                {
                    "dealId": 5,
                    "properties": {"dealstage": {"value": "closedwon"}},
                    "associations": {"associatedVids": [101, 103]},
                }
            ],
            "hasMore": True,
            "offset": 5,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {"deals": [], "hasMore": False, "offset": 5},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=102",
        "json": {"contacts": [{"vid": 103}], "has-more": False, "vid-offset": 103},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [{"vid": 101}, {"vid": 102}],
            "has-more": True,
            "vid-offset": 102,
        },
    },
]


def _run_script(path, argv):
    saved = sys.argv
    sys.argv = [path] + list(argv)
    try:
        return runpy.run_path(path, run_name="script")
    finally:
        sys.argv = saved


def case_export_owners(credential):
    module = _run_script("scripts/export_owners.py", [])
    text = module["main"]([])
    assert "ann@example.com" in text, text


def case_backfill(credential):
    module = _run_script("scripts/backfill_lifecycle.py", [])
    assert module["main"]([]) == 2


def case_backfill_sandbox(credential):
    module = _run_script("scripts/backfill_lifecycle.py", [])
    assert module["main"](["--api-key", credential("sandbox")]) == 2


def case_backfill_dry_run(credential):
    module = _run_script("scripts/backfill_lifecycle.py", [])
    assert module["main"](["--dry-run"]) == 2
