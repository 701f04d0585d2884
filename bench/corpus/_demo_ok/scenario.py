"""Harness demo (not corpus): a small sync script that builds `?hapikey=` URLs from an
environment variable, reads owners through urllib, builds a hubspot-api-client client with
`api_key=` and posts a summary to Slack. hapimigrate migrates all of it right."""

ENV = {"HUBSPOT_API_KEY": "key-main", "SLACK_WEBHOOK": "https://hooks.slack.com/services/T0/B0/demo"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
        "json": {"contacts": [{"vid": 1}, {"vid": 2}], "has-more": False},
    },
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7, "email": "a@example.com"}]},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_recent_contacts(credential):
    from crm import sync

    sync.recent_contacts(count=2)


def case_owners(credential):
    from crm import sync

    sync.owners()


def case_sdk_page(credential):
    from crm import sync

    sync.first_contacts_page()


def case_summary_to_slack(credential):
    from crm import sync

    sync.sync_and_report()
