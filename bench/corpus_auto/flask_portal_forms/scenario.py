"""Flask signup site (2017): a `Config` object with class attributes read from the
environment; the signup posts to the HubSpot forms endpoint (no key), checks and
updates contacts with `params={"hapikey": config.HUBSPOT_API_KEY}` and
`dict(hapikey=...)` (`app/hubspot.py` has CR-only line endings, as saved by an old Mac
editor), and verifies reCAPTCHA at Google (another host). An internal proxy endpoint uses the
portal key a partner dashboard sends in a request header, or the site's own key."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "62515",
    "SIGNUP_FORM_GUID": "aaaa-bbbb",
    "RECAPTCHA_SECRET": "captcha-secret",
}

RESPONSES = [
    {"method": "POST", "url": r"recaptcha/api/siteverify", "json": {"success": True}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/known@", "json": {"vid": 1}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"vid": 5}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "status": 404, "json": {}},
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/62515/aaaa-bbbb",
     "status": 204, "text": ""},
    {"method": "POST", "url": r"/contacts/v1/contact/email/.*/profile", "status": 204, "text": ""},
]


def case_signup_new(credential):
    from app import views

    out = views.signup({"form": {"email": "New@Example.com", "name": "N",
                                 "g-recaptcha-response": "ok"},
                        "cookies": {"hubspotutk": "abc123"}, "referrer": "https://example.com/"})
    assert out == {"status": 201}, out


def case_signup_known(credential):
    from app import views

    out = views.signup({"form": {"email": "known@example.com", "g-recaptcha-response": "ok"},
                        "cookies": {}})
    assert out == {"status": 409}, out


def case_upgrade(credential):
    from app import views

    assert views.upgrade({"form": {"email": "known@example.com", "plan": "pro"}}) == {"status": 204}


def case_proxy_partner_key(credential):
    from app import proxy

    out = proxy.contact_proxy({"headers": {"X-HubSpot-Key": credential("partner")},
                               "args": {"vid": "5"}})
    assert out["status"] == 200, out


def case_proxy_own_key(credential):
    from app import proxy

    assert proxy.contact_proxy({"headers": {}, "args": {"vid": "6"}})["status"] == 200
