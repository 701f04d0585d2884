"""A Django app (2018-2020): ``crmsite/settings.py`` reads ``HUBSPOT_KEY`` from the
environment; ``leads/hubspot/client.py`` has a ``HubSpotClient`` whose ``__init__`` takes
``api_key or settings.HUBSPOT_KEY`` and whose ``_params()`` builds ``{"hapikey": ...}``;
``leads/utils.py`` has ``hubspot_params(**extra)`` built from ``settings.HUBSPOT_KEY``
for companies v2 calls and a keyless form submission; views, Celery tasks (one with an
``api_key=None`` argument) and a management command use the client; one view builds the
client with the partner's own key from their profile. Django and Celery are stood in for
by tiny fakes installed by the scenario (settings read lazily from the settings module)."""

import importlib
import io
import os
import sys
import types

ENV = {
    "HUBSPOT_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "777",
    "HUBSPOT_SIGNUP_FORM": "f-123",
    "HUBSPOT_LEADS_LIST": "12",
    "DJANGO_SETTINGS_MODULE": "crmsite.settings",
}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/ghost@.*/profile", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 8}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 31, "isNew": True}},
    {"method": "POST", "url": r"/contacts/v1/lists/12/add", "json": {"updated": [31]}},
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 5, "type": "PERSON", "email": "a@co"}, {"ownerId": 6, "type": "QUEUE"},
              {"ownerId": 9, "type": "PERSON", "email": "b@co"}]},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204},
    {"method": "POST", "url": r"/companies/v2/domains/acme\.io/companies", "json": {"results": [{"companyId": 404}]}},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "GET", "url": r"/companies/v2/companies/404", "json": {"properties": {"name": {"value": "Acme"}}}},
    {"method": "POST", "url": r"forms\.hubspot\.com", "status": 204},
]


def _install_fakes():
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
            bound = dkwargs.get("bind")

            def call(*a, **k):
                return fn(None, *a, **k) if bound else fn(*a, **k)

            call.delay = call
            call.run = call
            return call

        if dargs and callable(dargs[0]) and not dkwargs:
            return wrap(dargs[0])
        return wrap

    celery.shared_task = shared_task
    for name, module in {
        "django": django, "django.conf": conf, "django.http": http, "django.core": core,
        "django.core.management": management, "django.core.management.base": base,
        "celery": celery,
    }.items():
        sys.modules[name] = module


class _Request:
    def __init__(self, GET=None, POST=None, user=None):
        self.GET, self.POST = GET or {}, POST or {}
        self.META = {"HTTP_REFERER": "https://example.com/signup", "REMOTE_ADDR": "10.0.0.1"}
        self.user = user


def case_signup_view(credential):
    _install_fakes()
    from leads import views

    assert views.signup(_Request(POST={"email": " New@Lead.io", "first_name": "Nia"}))["ok"]


def case_lookup_view(credential):
    _install_fakes()
    from leads import views

    assert views.lookup(_Request(GET={"email": "ann@acme.io"})) == {"found": True, "company": "Acme"}
    assert views.lookup(_Request(GET={"email": "ghost@nowhere.org"}))["found"] is False


def case_partner_lookup_with_profile_key(credential):
    _install_fakes()
    from leads import views

    user = types.SimpleNamespace(profile=types.SimpleNamespace(hubspot_key=credential("partner")))
    assert views.partner_lookup(_Request(GET={"email": "x@partner.io"}, user=user))["found"]


def case_round_robin_task(credential):
    _install_fakes()
    from leads import tasks

    assert tasks.round_robin_owner(3) == 9
    assert tasks.round_robin_owner.delay(2, api_key=credential("partner")) == 5


def case_management_command(credential):
    _install_fakes()
    from leads.management.commands.sync_hubspot_owners import Command

    cmd = Command()
    cmd.handle(assign=("8", "5"))
    assert "5 a@co" in cmd.stdout.getvalue()
