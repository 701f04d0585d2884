"""A public app's helpers (2018, urllib only): a single `call(method, path, key, ...)`
function adds `hapikey=<key>` for every endpoint, and is handed the developer key from a
JSON file (`app.json`) for timeline event types (integrations v1) and the portal key
from the environment, or a caller's key, for contacts v1 and engagements v1. Slack is
notified through urllib too."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/timeline/event-types\?",
        "json": [{"id": 55, "name": "Something else"}],
    },
    {
        "method": "POST",
        "url": r"/timeline/event-types/\d+/properties",
        "json": {"id": 1},
    },
    {"method": "POST", "url": r"/timeline/event-types\?", "json": {"id": 56}},
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/missing",
        "status": 404,
        "json": {"status": "error"},
    },
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 42}},
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 9}},
    },
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_setup_app(credential):
    import setup_app

    assert setup_app.main() == 56


def case_ticket_closed(credential):
    from hsapp import tickets

    tickets.closed(
        {
            "id": 7,
            "requester": "r@x.test",
            "subject": "Login",
            "closed_at": 1540000000000,
        }
    )


def case_ticket_closed_other_portal(credential):
    from hsapp import tickets

    tickets.closed(
        {
            "id": 8,
            "requester": "s@x.test",
            "subject": "Billing",
            "closed_at": 1540000001000,
        },
        key=credential("tenant"),
    )


def case_unknown_requester(credential):
    import urllib.error

    from hsapp import tickets

    try:
        tickets.contact_for("missing@x.test")
    except urllib.error.HTTPError as exc:
        assert exc.code == 404
