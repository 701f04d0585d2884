"""A Flask-era signup backend (2015-2018): environment settings classes
(class DevelopmentConfig(Config) re-reading the key, TestingConfig with "demo"),
chosen by APP_ENV at import; HubSpot URLs are a string.Template with $key, a
%(key)s mapping template and a str.format template, all filled from one context dict
built by a helper; Mailgun gets Basic auth next to it."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "APP_ENV": "production",
    "MAILGUN_API_KEY": "mg-secret-1",
}

CASE_ENV = {
    "case_signup_development": {"APP_ENV": "development", "HUBSPOT_DEV_KEY": "key-sandbox"},
}

RESPONSES = [
    {"method": "GET", "url": r"/contact/email/new%40example\.com/profile", "status": 404, "json": {}},
    {
        "method": "GET",
        "url": r"/contact/email/old%40example\.com/profile",
        "json": {"vid": 88, "list-memberships": [{"static-list-id": 3}]},
    },
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/new", "json": {"vid": 501, "isNew": True}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/old", "json": {"vid": 88, "isNew": False}},
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/add", "json": {"updated": [501]}},
    {"method": "POST", "url": r"api\.mailgun\.net", "json": {"id": "<x@mg>", "message": "Queued"}},
]


def case_signup_new(credential):
    from webapp.signup import handle_signup

    r = handle_signup({"email": "new@example.com", "first_name": "Nia", "newsletter": "1"})
    assert r["ok"] and r["new"], r


def case_signup_existing(credential):
    from webapp.signup import handle_signup

    handle_signup({"email": "old@example.com", "newsletter": "on", "source": "webinar"})


def case_signup_development(credential):
    from webapp.signup import handle_signup

    handle_signup({"email": "new@example.com", "first_name": "Dev"})
