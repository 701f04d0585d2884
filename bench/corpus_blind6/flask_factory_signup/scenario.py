"""Flask app (2020) with an application factory: `create_app()` puts
`os.environ.get("HUBSPOT_API_KEY")` into `app.config["HUBSPOT_API_KEY"]`; `webapp/hubspot.py`
reads it through `current_app.config` inside `_call(method, path, **kwargs)` which does
`kwargs.setdefault("params", {})[KEYPARAM] = ...`; a blueprint's signup view submits the
public form (api.hsforms.com, no key), upserts the contact, finds the company by domain
(companies v2) and associates them, then creates a Stripe customer (basic auth with the
Stripe key). A widget-config view hands a ready-made keyed URL to the browser (not a
request made here: dropping the key from it breaks the widget)."""

import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_stubs"))

ENV = {"HUBSPOT_API_KEY": "key-main", "STRIPE_SECRET_KEY": "sk_test_4eC39HqLyjWDarjtT1zdp7dc"}

RESPONSES = [
    {"method": "POST", "url": r"api\.hsforms\.com/submissions/v3/integration/submit/", "json": {"inlineMessage": "Thanks"}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 61}},
    {"method": "POST", "url": r"/companies/v2/domains/acme\.io/companies", "json": {"results": [{"companyId": 808}]}},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "PUT", "url": r"/companies/v2/companies/808/contacts/61", "status": 204, "body": ""},
    {"method": "POST", "url": r"api\.stripe\.com/v1/customers", "json": {"id": "cus_123"}},
]


def case_signup_with_company(credential):
    from webapp import create_app, views
    app = create_app()
    with app.test_request_context("/api/signup", method="POST", json={"email": "jo@acme.io", "name": "Jo"},
                                  headers={"X-Hutk": "abc123"}):
        assert views.signup() == {"vid": 61, "company": 808, "customer": "cus_123"}


def case_signup_without_company(credential):
    from webapp import create_app, views
    app = create_app()
    with app.test_request_context("/api/signup", method="POST", json={"email": "al@gmail.com"}):
        assert views.signup()["company"] is None


def case_newsletter_only_form(credential):
    import wsgi
    from webapp import views
    with wsgi.app.test_request_context("/api/newsletter", method="POST", json={"email": "n@x.com"}):
        assert views.newsletter() == {"ok": True, "portal": "5120331"}


def case_widget_config_url(credential):
    from urllib.parse import parse_qs, urlsplit
    from webapp import create_app, views
    app = create_app()
    with app.test_request_context("/api/widget-config", args={"count": "5"}):
        url = views.widget_config()["contactsUrl"]
    query = parse_qs(urlsplit(url).query)
    assert query["count"] == ["5"]
    assert len(query) == 2 and all(v[0] for v in query.values()), sorted(query)
