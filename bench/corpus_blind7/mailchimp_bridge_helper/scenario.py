"""A Mailchimp -> HubSpot bridge (2018): one `call(method, url, params, json, auth,
headers)` helper over a shared `requests.Session` with retries serves HubSpot, Mailchimp
(basic auth) and an internal status API; `hubspot.py` merges a module-level
`DEFAULTS = {"hapikey": KEY}` into each call's params with `{**DEFAULTS, **params}`
(contacts v1 createOrUpdate, list membership with vidOffset paging, email subscription
status)."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "MAILCHIMP_API_KEY": "0123456789abcdef-us7",
    "STATUS_API": "https://status.internal.example.com/api",
}

RESPONSES = [
    {"method": "GET", "url": r"us7\.api\.mailchimp\.com/3\.0/lists/", "json": {"members": [
        {"email_address": "A@x.io", "merge_fields": {"FNAME": "A"}, "member_rating": 3},
        {"email_address": "gone@x.io"}]}},
    {"method": "GET", "url": r"/email/public/v1/subscriptions/gone", "json": {"unsubscribeFromAll": True}},
    {"method": "GET", "url": r"/email/public/v1/subscriptions/", "json": {"unsubscribeFromAll": False}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 1}},
    {"method": "GET", "url": r"/contacts/v1/lists/\d+/contacts/all.*vidOffset=2", "json": {
        "contacts": [{"vid": 3}], "has-more": False, "vid-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/\d+/contacts/all", "json": {
        "contacts": [{"vid": 1}, {"vid": 2}], "has-more": True, "vid-offset": 2}},
    {"method": "POST", "url": r"status\.internal", "json": {}},
]


def case_sync(credential):
    from bridge import sync

    assert sync.mailchimp_to_hubspot("mc1", 12) == (1, 1, 3)
