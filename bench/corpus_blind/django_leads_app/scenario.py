"""A Django site (2019) with a `leads` app: `leadsite/settings.py` reads HUBSPOT_API_KEY
(raising ImproperlyConfigured when missing) and `leads/hubspot.py` sends it through a
`_params(**extra)` helper built from `django.conf.settings` (contacts v1 createOrUpdate,
lists add, engagements v1 note, recent contacts); the contact form is forwarded to the
forms v2 endpoint without a key; Mailgun with basic auth. A management command and two
views call the helpers. The Django parts are a vendored shim."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "DJANGO_SETTINGS_MODULE": "leadsite.settings",
    "MAILGUN_API_KEY": "mg-0f9e8d7c",
}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 901, "isNew": True}},
    {"method": "POST", "url": r"/contacts/v1/lists/42/add", "json": {"updated": [901]}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/recent",
     "json": {"contacts": [
         {"vid": 1, "properties": {"email": {"value": "new@x.com"}}},
         {"vid": 2, "properties": {"email": {"value": "old@x.com"}, "signup_source": {"value": "ads"}}},
     ], "has-more": False}},
    {"method": "POST", "url": r"forms\.hubspot\.com", "status": 204},
]


class _Request(object):
    def __init__(self, post, method="POST"):
        self.method = method
        self.POST = post
        self.COOKIES = {"hubspotutk": "5a1b2c3d4e5f"}
        self.META = {"REMOTE_ADDR": "203.0.113.9"}


def case_contact_form(credential):
    from leads import views
    r = views.contact(_Request({"email": "Pat@Example.com", "first_name": "Pat", "message": "hi"}))
    assert r == {"ok": True}, r


def case_newsletter(credential):
    from leads import views
    r = views.newsletter_signup(_Request({"email": "sam@example.com"}))
    assert r["vid"] == 901


def case_management_command(credential):
    import io
    from leads.management.commands.sync_hubspot import Command
    assert Command(stdout=io.StringIO()).handle(count=5) == 1
