"""A 2016 one-file sync script grown into three modules: `hubspot_utils.py` holds
`BASE`, `API_KEY = os.getenv(...)` and small functions building URLs with `+`, `%`,
`.format` and f-strings (contacts v1, deals v1 incl. associations), a vid-offset pagination
generator reusing one params dict, and a Slack notifier on the same `requests`; two scripts
import it (`from hubspot_utils import ...` and `import hubspot_utils as hs`). A
`tests/` folder mocks `requests.get` and asserts `hapikey=` in the URL (not run here)."""

import io

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_HOOK_URL": "https://hooks.slack.com/services/T111/B222/zzzz",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=11",
        "json": {
            "contacts": [{"vid": 12, "properties": {"email": {"value": "c@x.io"}}}],
            "has-more": False,
            "vid-offset": 12,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [
                {"vid": 10, "properties": {"email": {"value": "a@x.io"}, "firstname": {"value": "A"}}},
                {"vid": 11, "properties": {"email": {"value": "b@x.io"}}},
            ],
            "has-more": True,
            "vid-offset": 11,
        },
    },
    {"method": "GET", "url": r"/contact/email/ghost%40x\.io/profile|/contact/email/ghost@x\.io/profile", "status": 404, "json": {"status": "error"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 10, "properties": {}}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"vid": 10, "properties": {"email": {"value": "a@x.io"}}}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204, "body": ""},
    {"method": "GET", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 77, "properties": {}}},
]


def case_export(credential):
    import export_contacts

    assert export_contacts.export(io.StringIO()) == 3


def case_close_deals(credential):
    import close_deals

    close_deals.main(["a@x.io, 77", "ghost@x.io,78"])


def case_profile_with_props(credential):
    import hubspot_utils

    hubspot_utils.get_contact_by_vid(10)
    hubspot_utils.get_contact_by_vid(10, props=["email", "company"])
