"""Flask microsite (2019-ish): an app factory puts the key in `app.config`; a blueprint's
helpers read `current_app.config["HUBSPOT_API_KEY"]` through an `_auth()` helper merged
with `dict(_auth(), email=...)` and `{**_auth(), ...}`; one `post_json(url, payload,
params=None)` helper serves HubSpot (params carry the key) and the Slack webhook (no
params); owners v2, contacts v1 createOrUpdate and list add."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_WEBHOOK": "https://hooks.slack.com/services/T01/B02/xyz",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [{"ownerId": 55, "email": "owner@example.com"}],
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 808},
    },
    {"method": "POST", "url": r"/contacts/v1/lists/17/add", "json": {"updated": [808]}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_signup_with_newsletter(credential):
    from signup import create_app

    app = create_app({"PORTAL_ID": "62515"})
    body, status = app.dispatch(
        "/signup/", "POST", json={"email": "z@x.io", "first": "Zed", "newsletter": True}
    )
    assert status == 201, body


def case_signup_form_post(credential):
    from signup import create_app

    app = create_app()
    body, status = app.dispatch(
        "/signup/", "POST", form={"email": "y@x.io", "last": "Why"}
    )
    assert status == 201, body


def case_owner_lookup(credential):
    from signup import create_app

    app = create_app()
    body, status = app.dispatch(
        "/signup/owner", "GET", args={"email": "owner@example.com"}
    )
    assert '"owner": 55' in body, body
