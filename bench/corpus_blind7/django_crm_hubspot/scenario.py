"""A Django app (2017-2019): `crmapp/settings.py` reads HUBSPOT_KEY from the environment,
`crmapp/hubspot/client.py` has a `HubSpotClient` taking `api_key=None` and falling back to
`settings.HUBSPOT_KEY` in `__init__`, sending `params=self._params()` (also merged with
`dict(self._params(), includeInactive=...)`); views use one module-level client, Celery
`shared_task`s make their own, a management command hands `--api-key` (the caller's key)
to the client; `utils.py` builds `params = {"hapikey": settings.HUBSPOT_KEY}` for forms v2,
posts form submissions to forms.hubspot.com without key and audit events to an internal
service. Django, `django.http` and Celery are stood in for by tiny modules the scenario
installs (settings read lazily from DJANGO_SETTINGS_MODULE, as Django does)."""

ENV = {
    "HUBSPOT_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "445566",
    "HUBSPOT_SIGNUP_FORM": "6a1d2f3e-0000-4000-8000-00000000abcd",
    "DJANGO_SETTINGS_MODULE": "crmapp.settings",
    "AUDIT_SERVICE_URL": "http://audit.internal:8080/events",
}

RESPONSES = [
    {"method": "GET", "url": r"/forms/v2/fields/", "json": [{"name": "email"}, {"name": "firstname"}]},
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204, "body": ""},
    {"method": "GET", "url": r"/contacts/v1/contact/email/new%40x\.io/profile|/contacts/v1/contact/email/new@x\.io/profile", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 501}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 502, "isNew": True}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [
        {"ownerId": 9, "email": "sam@corp.io", "isActive": True},
        {"ownerId": 8, "email": "old@corp.io", "isActive": False},
    ]},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204, "body": ""},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
]


def _stubs():
    """Just enough of Django and Celery for the app's imports."""
    import importlib
    import io
    import os
    import sys
    import types

    if "django" in sys.modules:
        return
    django = types.ModuleType("django")
    conf = types.ModuleType("django.conf")

    class LazySettings:
        def __getattr__(self, name):
            module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
            return getattr(module, name)

    conf.settings = LazySettings()
    http = types.ModuleType("django.http")

    class JsonResponse(dict):
        def __init__(self, data, status=200):
            super().__init__(data)
            self.status_code = status

    http.JsonResponse = JsonResponse
    core = types.ModuleType("django.core")
    management = types.ModuleType("django.core.management")
    base = types.ModuleType("django.core.management.base")

    class BaseCommand:
        def __init__(self):
            self.stdout = io.StringIO()

    base.BaseCommand = BaseCommand
    celery = types.ModuleType("celery")

    def shared_task(*dargs, **dkwargs):
        def wrap(fn):
            if dkwargs.get("bind"):
                task = types.SimpleNamespace(retry=lambda exc=None, countdown=None: exc)
                return lambda *a, **k: fn(task, *a, **k)
            return fn

        if dargs and callable(dargs[0]):
            return dargs[0]
        return wrap

    celery.shared_task = shared_task
    for name, module in {
        "django": django, "django.conf": conf, "django.http": http, "django.core": core,
        "django.core.management": management, "django.core.management.base": base,
        "celery": celery,
    }.items():
        sys.modules[name] = module


class Request:
    def __init__(self, method, POST=None, GET=None, body=b"", COOKIES=None):
        self.method, self.POST, self.GET = method, POST or {}, GET or {}
        self.body, self.COOKIES = body, COOKIES or {}


def case_signup_page_and_post(credential):
    _stubs()
    from crmapp import views

    views.signup(Request("GET"))
    out = views.signup(Request("POST", POST={"email": " Ann@X.io", "first_name": "Ann"},
                               COOKIES={"hubspotutk": "abc123"}))
    assert out["ok"], out


def case_contact_card(credential):
    _stubs()
    from crmapp import views

    assert views.contact_card(Request("GET", GET={"email": "ann@x.io"}))["found"]


def case_owner_webhook(credential):
    _stubs()
    from crmapp import views

    out = views.owner_webhook(Request("POST", body=b'{"vid": 501, "owner_email": "sam@corp.io"}'))
    assert out["assigned"], out


def case_celery_tasks(credential):
    _stubs()
    from crmapp import tasks

    assert tasks.sync_lead("lead@x.io", {"firstname": "Lee"}) == 502
    assert tasks.reassign_inactive_owners(9) == 1


def case_backfill_command_with_key(credential):
    _stubs()
    from crmapp.management.commands.hubspot_backfill import Command

    cmd = Command()
    cmd.handle(email=["new@x.io", "old@x.io"], api_key=credential("ops"))
    assert "created new@x.io" in cmd.stdout.getvalue()


def case_backfill_command_default_key(credential):
    _stubs()
    from crmapp.management.commands.hubspot_backfill import Command

    cmd = Command()
    cmd.handle(email=["old@x.io"], api_key=None)
