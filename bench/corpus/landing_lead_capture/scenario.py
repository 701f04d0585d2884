"""The lead-capture backend of a company website (Flask era, 2018-2020): a shared
``requests`` session and generic ``post_json(url, payload, headers=None, params=None)`` /
``get_json`` helpers used for HubSpot form submissions (v3 JSON and the old v2 urlencoded
endpoint, neither authenticated), for the contacts/owners API with the portal key supplied
by a ``hubspot_params(extra=None)`` helper that merges extra parameters, for a Slack webhook,
and for the company's intranet API with its own header. Enrichment is skipped when the key
setting is empty."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "3349871",
    "SLACK_LEADS_WEBHOOK": "https://hooks.slack.com/services/T11/B22/leadsecret",
}

RESPONSES = [
    {"method": "POST", "url": r"api\.hsforms\.com/submissions/v3/integration/submit/3349871/5c0d",
     "json": {"inlineMessage": "Thanks!"}},
    {"method": "POST", "url": r"api\.hsforms\.com", "status": 400, "json": {"status": "error"}},
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204, "body": ""},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 77, "isNew": False}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile",
     "json": {"vid": 77, "properties": {"hubspot_owner_id": {"value": "31"}}}},
    {"method": "GET", "url": r"/owners/v2/owners/31", "json": {"ownerId": 31, "email": "sam@acme-tools.de"}},
    {"method": "POST", "url": r"hooks\.slack\.com", "json": {}},
    {"method": "POST", "url": r"intranet\.acme-tools\.de", "json": {"id": 5}},
]

FORM = {"email": "jo@example.org", "firstname": "Jo", "company": "Example GmbH",
        "utm_source": "google", "utm_campaign": "spring"}
COOKIES = {"hubspotutk": "2c1f0e9d8b7a6c5d4e3f2a1b0c9d8e7f"}
META = {"url": "https://www.acme-tools.de/demo", "ip": "198.51.100.23"}


def case_demo_request(credential):
    from leads import capture
    capture.handle_demo_request(FORM, COOKIES, META)


def case_demo_request_form_down(credential):
    from leads import capture, config
    config.DEMO_FORM_GUID = "00000000-0000-4000-8000-000000000000"
    capture.handle_demo_request(FORM, COOKIES, META)


def case_newsletter_signup(credential):
    from leads import capture
    capture.handle_newsletter({"email": "news@example.org", "page": "https://www.acme-tools.de/blog"}, COOKIES)
