"""Django-style lead portal (2018): `leadportal/settings.py` reads HUBSPOT_API_KEY with
`os.environ[...]` (raises at start-up when missing), a local `leadportal/conf.py`
re-exports it the way `django.conf.settings` would, `crm/hubspot_client.py` sends
`settings.HUBSPOT_API_KEY` in `params=` dicts and by URL concatenation, and views in
another module call the client; Slack notifications go to another host. A health view
reports whether HubSpot is configured with `getattr(settings, "HUBSPOT_API_KEY", None)`."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_LEAD_LIST_ID": "31",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T000/B000/XXXX",
}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/",
     "json": {"vid": 501, "isNew": True}},
    {"method": "POST", "url": r"/contacts/v1/lists/31/add", "json": {"updated": [501]}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/missing@example\.com/profile",
     "status": 404, "json": {"status": "error"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile",
     "json": {"vid": 501, "properties": {"company": "Acme"}}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent.*vidOffset=2",
     "json": {"contacts": [{"vid": 3}], "has-more": False, "vid-offset": 3, "time-offset": 30}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
     "json": {"contacts": [{"vid": 1}, {"vid": 2}], "has-more": True,
              "vid-offset": 2, "time-offset": 20}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_lead_form(credential):
    from crm import views

    out = views.lead_form({"method": "POST", "POST": {"email": " Ann@Example.com",
                                                      "first_name": "Ann"}})
    assert out["status"] == 200, out


def case_contact_detail(credential):
    from crm import views

    assert views.contact_detail({}, "ann@example.com")["status"] == 200
    assert views.contact_detail({}, "missing@example.com")["status"] == 404


def case_recent(credential):
    from crm import views

    out = views.recent({"GET": {"count": "10"}})
    assert out["body"]["vids"] == [1, 2, 3], out


def case_health(credential):
    from crm import health, views

    assert views.contact_detail({}, "ann@example.com")["status"] == 200
    assert health.status({}) == {"status": 200, "body": {"hubspot": True, "slack": True}}
