"""Harness demo (not corpus): one HTTP helper shared by HubSpot and Slack calls, and a
multi-tenant function that receives each portal's key from its caller. Shapes today's
hapimigrate gets wrong: the header goes into the shared helper (the token reaches
hooks.slack.com), and the caller's key is replaced by the global token."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "json": {"contacts": [], "has-more": False}},
    {"method": "GET", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_contacts(credential):
    from app import client

    client.all_contacts()


def case_notify_slack(credential):
    from app import client

    client.notify("nightly sync done")


def case_tenant_deals(credential):
    from app import tenants

    tenants.deals_for_portal(credential("acme"))
