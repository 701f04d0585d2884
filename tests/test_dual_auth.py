"""Dual-auth code: where an OAuth branch sets ``Authorization: Bearer`` and the
key's branch adds ``hapikey``, the key's branch alone changes: the token goes
into the header container the OAuth branch fills (the same local headers, a
caller's dict rebound rather than written into, the same session's headers),
the OAuth branch byte for byte. A form submission under an OAuth test loses
the key and gets no token. Where that is not proven (the session also sends
elsewhere, is the caller's, its headers are read; the headers dict is used
for something else or a caller's holds its own Authorization; the two tests
are not exclusive; the helper also carries another host's credential; the
session also posts a form or sends a developer key; another module sends the
session or the instance's headers elsewhere; the key's own presence picks its
branch) the site stays manual, saying why
(:mod:`hapimigrate.analysis.dual_auth`)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, migrate

# -- a wrapper whose headers may be the caller's dict -------------------------

WRAPPER = """\
import requests

BASE = "https://api.hubapi.com"


class HubSpotAPI(object):
    def __init__(self, api_key=None, access_token=None):
        self.api_key = api_key
        self.access_token = access_token
        self.session = requests.Session()

    def _request(self, method, path, **kwargs):
        params = kwargs.pop("params", None) or {}
        headers = kwargs.pop("headers", None) or {}
        if self.access_token:
            headers["Authorization"] = "Bearer %s" % self.access_token
        else:
            params = dict(params, hapikey=self.api_key)
        resp = self.session.request(method, BASE + path, params=params, headers=headers, **kwargs)
        return resp.json()

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self._request("POST", path, **kwargs)
"""

WRAPPER_OAUTH = """\
        if self.access_token:
            headers["Authorization"] = "Bearer %s" % self.access_token
        else:
"""

APP = """\
import os

from crm.api import HubSpotAPI


def get_api():
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return HubSpotAPI(access_token=token)
    return HubSpotAPI(api_key=os.environ.get("HUBSPOT_API_KEY"))


def contact(api, email):
    return api.get("/contacts/v1/contact/email/%s/profile" % email)


def note(api, body):
    return api.post("/engagements/v1/engagements", json=body, headers={"Accept": "application/json"})
"""

WRAPPER_SCENARIO = '''\
"""A dual-auth wrapper: OAuth header or the key, a caller's key too."""
ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {"case_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-installed"}}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 7}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"id": 1}},
]


def _run(api):
    from crm import app

    assert app.contact(api, "a@b.io") == {"vid": 7}
    assert app.note(api, {"engagement": {}}) == {"id": 1}


def case_key(credential):
    from crm import app

    _run(app.get_api())


def case_oauth(credential):
    from crm import app

    _run(app.get_api())


def case_caller_key(credential):
    from crm.api import HubSpotAPI

    _run(HubSpotAPI(api_key=credential("partner")))
'''


def wrapper_files(api: str = WRAPPER, app: str = APP) -> dict[str, str]:
    return {"crm/__init__.py": "", "crm/api.py": api, "crm/app.py": app}


def wrapper_site(tmp_path, api: str = WRAPPER, app: str = APP):
    out = migrate(tmp_path, wrapper_files(api, app))
    statuses, text, reasons = out["crm/api.py"]
    return statuses, text, " ".join(reasons), out


def test_the_key_branch_rebinds_the_callers_headers_with_the_token(tmp_path):
    statuses, text, reasons, out = wrapper_site(tmp_path)
    assert statuses == [Status.REWRITE], reasons
    assert "hapikey" not in text
    assert WRAPPER_OAUTH in text  # byte for byte
    assert (
        "            params = dict(params)\n"
        '            headers = {**headers, "Authorization": "Bearer " + self.api_key}\n'
    ) in text  # the caller's dict is not written into
    # read as leniently as the key was: the OAuth deployment sets no token
    assert (
        'HubSpotAPI(api_key=os.environ.get("HUBSPOT_ACCESS_TOKEN"))'
        in out["crm/app.py"][1]
    )


def test_the_wrapper_behaves_the_same_with_the_token(tmp_path):
    files = {f"src/{n}": t for n, t in wrapper_files().items()}
    behaves(tmp_path, {**files, "scenario.py": WRAPPER_SCENARIO}, manual=0)


def test_a_caller_handing_in_its_own_authorization_keeps_the_wrapper(tmp_path):
    api = WRAPPER + (
        "\n    def as_user(self, token):\n"
        '        return self.get("/contacts/v1/lists", '
        'headers={"Authorization": "Bearer " + token})\n'
    )
    statuses, text, reasons, _ = wrapper_site(tmp_path, api)
    assert statuses == [Status.MANUAL] and text == api
    assert "Authorization header" in reasons


def test_headers_used_for_something_else_keep_the_wrapper(tmp_path):
    api = WRAPPER.replace(
        "        resp = self.session.request(",
        "        print(headers)\n        resp = self.session.request(",
    )
    statuses, text, _, _ = wrapper_site(tmp_path, api)
    assert statuses == [Status.MANUAL] and text == api


def test_headers_built_by_another_module_keep_the_wrapper(tmp_path):
    api = WRAPPER.replace(
        'headers = kwargs.pop("headers", None) or {}', "headers = build_headers(kwargs)"
    ).replace(
        "import requests\n", "import requests\nfrom crm.hdrs import build_headers\n"
    )
    statuses, text, _, _ = wrapper_site(tmp_path, api)
    assert statuses == [Status.MANUAL] and text == api


def test_headers_that_may_be_none_keep_the_wrapper(tmp_path):
    api = WRAPPER.replace(
        'headers = kwargs.pop("headers", None) or {}',
        'headers = kwargs.pop("headers", None)',
    )
    statuses, text, _, _ = wrapper_site(tmp_path, api)
    assert statuses == [Status.MANUAL] and text == api


def test_two_tests_that_may_both_hold_stay_with_the_reason(tmp_path):
    api = WRAPPER.replace(
        "            params = dict(params, hapikey=self.api_key)\n",
        "            params = dict(params, hapikey=self.api_key)\n"
        "        if self.access_token is None:\n"
        '            headers["Authorization"] = "none"\n',
    )
    statuses, text, reasons, _ = wrapper_site(tmp_path, api)
    assert statuses == [Status.MANUAL] and text == api
    assert (
        "the key is added under the test self.access_token (line 18) and an "
        "Authorization header under another, self.access_token is None (line 20)"
    ) in reasons


CALL = """\
import requests


class HubspotAPI(object):
    def __init__(self, api_key=None, access_token=None):
        self.api_key = api_key
        self.access_token = access_token

    def _call(self, method, endpoint, params=None, headers=None):
        headers = headers or {}
        params = params or {}
        if self.access_token:
            headers["Authorization"] = "Bearer " + self.access_token
        else:
            params["hapikey"] = self.api_key
        headers.setdefault("Content-Type", "application/json")
        url = "https://api.hubapi.com/" + endpoint.lstrip("/")
        return requests.request(method, url, params=params, headers=headers).json()

    def deal(self, deal_id):
        return self._call("GET", "/deals/v1/deal/%s" % deal_id)
"""

SETTINGS = """\
import os

HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
HUBSPOT_OAUTH_TOKEN = os.getenv("HUBSPOT_OAUTH_TOKEN")
"""

SYNC = """\
import settings
from crm import HubspotAPI


def get_client():
    return HubspotAPI(api_key=settings.HUBSPOT_API_KEY,
                      access_token=settings.HUBSPOT_OAUTH_TOKEN)


def stage(deal_id):
    return get_client().deal(deal_id)["stage"]
"""

CALL_SCENARIO = '''\
"""Both credentials handed to a dual-auth client by one caller."""
ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {"case_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-installed"}}

RESPONSES = [{"method": "GET", "url": r"/deals/v1/deal/4", "json": {"stage": "won"}}]


def case_key(credential):
    import sync

    assert sync.stage(4) == "won"


def case_oauth(credential):
    import sync

    assert sync.stage(4) == "won"
'''


def test_a_headers_parameter_rebound_and_a_lenient_token_for_both_modes(tmp_path):
    files = {"crm.py": CALL, "settings.py": SETTINGS, "sync.py": SYNC}
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["crm.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        '            headers = {**headers, "Authorization": "Bearer " + self.api_key}\n'
        '        headers.setdefault("Content-Type", "application/json")\n'
    ) in text
    # get_client() runs in the OAuth mode too, where no token may be set
    assert (
        'HubspotAPI(api_key=os.environ.get("HUBSPOT_ACCESS_TOKEN"),'
        in out["sync.py"][1]
    )


def test_both_credentials_handed_in_behave_the_same(tmp_path):
    files = {"crm.py": CALL, "settings.py": SETTINGS, "sync.py": SYNC}
    src = {f"src/{n}": t for n, t in files.items()}
    behaves(tmp_path, {**src, "scenario.py": CALL_SCENARIO}, manual=0)


# -- a constructor's OAuth branch setting its session's header ----------------

TICKETS = """\
import os

import requests

API = "https://api.hubapi.com"


class HubSpot(object):
    def __init__(self):
        self.session = requests.Session()
        if os.environ.get("HUBSPOT_OAUTH_TOKEN"):
            self.session.headers["Authorization"] = "Bearer " + os.environ["HUBSPOT_OAUTH_TOKEN"]
            self.auth_params = {}
        else:
            self.auth_params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}

    def _get(self, path, **params):
        r = self.session.get(API + path, params={**self.auth_params, **params}, timeout=15)
        return r.json()

    def _post(self, path, body):
        r = self.session.post(API + path, params=self.auth_params, json=body, timeout=15)
        return r.json()

    def tickets(self):
        return self._get("/crm/v3/objects/tickets", limit=10)

    def create(self, subject):
        return self._post("/crm/v3/objects/tickets", {"properties": {"subject": subject}})
"""

TICKETS_OAUTH = """\
        if os.environ.get("HUBSPOT_OAUTH_TOKEN"):
            self.session.headers["Authorization"] = "Bearer " + os.environ["HUBSPOT_OAUTH_TOKEN"]
            self.auth_params = {}
        else:
"""

TICKETS_SCENARIO = '''\
"""A client whose constructor picks the session's OAuth header or the key."""
ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {"case_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-installed"}}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/objects/tickets", "json": {"results": []}},
    {"method": "POST", "url": r"/crm/v3/objects/tickets", "json": {"id": "5"}},
]


def _run():
    from tickets import HubSpot

    hub = HubSpot()
    assert hub.tickets() == {"results": []}
    assert hub.create("Printer") == {"id": "5"}


def case_key(credential):
    _run()


def case_oauth(credential):
    _run()
'''


def tickets_site(tmp_path, source: str = TICKETS):
    statuses, text, reasons = migrate(tmp_path, {"tickets.py": source})["tickets.py"]
    return statuses, text, " ".join(reasons)


def test_the_key_branch_sets_the_sessions_header(tmp_path):
    statuses, text, reasons = tickets_site(tmp_path)
    assert statuses == [Status.REWRITE], reasons
    assert TICKETS_OAUTH in text and "hapikey" not in text
    assert (
        "            self.auth_params = {}\n"
        '            self.session.headers["Authorization"] = "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]\n'
    ) in text


def test_the_client_behaves_the_same_with_the_token(tmp_path):
    behaves(
        tmp_path,
        {"src/tickets.py": TICKETS, "scenario.py": TICKETS_SCENARIO},
        manual=0,
    )


def test_a_session_also_sending_elsewhere_stays(tmp_path):
    source = TICKETS + (
        "\n    def status(self):\n"
        '        return self.session.get("https://status.example.com/api.json").json()\n'
    )
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert statuses == [Status.MANUAL] and text == source
    assert "also sends to status.example.com" in reasons


def test_a_session_also_posting_a_form_without_the_key_stays(tmp_path):
    source = TICKETS + (
        "\n    def submit(self, fields):\n"
        '        url = "https://forms.hubspot.com/uploads/form/v2/62515/abc"\n'
        "        return self.session.post(url, data=fields).status_code\n"
    )
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert statuses == [Status.MANUAL] and text == source
    assert "to an endpoint that takes no token" in reasons


def test_a_callers_session_stays(tmp_path):
    source = TICKETS.replace(
        "def __init__(self):", "def __init__(self, session=None):"
    ).replace(
        "self.session = requests.Session()",
        "self.session = session or requests.Session()",
    )
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert statuses == [Status.MANUAL] and text == source
    assert "may be the caller's own session" in reasons


def test_a_session_whose_headers_are_read_stays(tmp_path):
    source = (
        TICKETS + "\n    def dump(self):\n        print(dict(self.session.headers))\n"
    )
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert statuses == [Status.MANUAL] and text == source
    assert "reads the headers of self.session" in reasons


def test_a_session_given_another_authorization_elsewhere_stays(tmp_path):
    source = TICKETS + (
        "\n    def login(self, token):\n"
        '        self.session.headers.update({"Authorization": "Bearer " + token})\n'
    )
    statuses, text, _ = tickets_site(tmp_path, source)
    assert statuses == [Status.MANUAL] and text == source


CLIENT = """\
import os

import requests


class HubSpotClient(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, access_token=None):
        self._params = {}
        self.headers = {"Accept": "application/json"}
        if access_token:
            self.headers["Authorization"] = "Bearer %s" % access_token
        else:
            self._params["hapikey"] = api_key or os.environ["HUBSPOT_API_KEY"]

    def get(self, path, **params):
        q = self._params.copy()
        q.update(params)
        return requests.get(self.base_url + path, params=q, headers=self.headers).json()

    def contact(self, email):
        return self.get("/contacts/v1/contact/email/%s/profile" % email)
"""

CLIENT_APP = """\
import os

from client import HubSpotClient


def client_from_env():
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return HubSpotClient(access_token=token)
    return HubSpotClient(os.environ.get("HUBSPOT_API_KEY"))


def lookup(email):
    return client_from_env().contact(email)
"""

FORM_REUSE = """
    def submit(self, fields):
        headers = dict(self.headers, **{"Content-Type": "application/x-www-form-urlencoded"})
        url = "https://forms.hubspot.com/uploads/form/v2/62515/abc"
        return requests.post(url, data=fields, headers=headers).status_code
"""


def test_the_key_branch_writes_the_instances_headers(tmp_path):
    out = migrate(tmp_path, {"client.py": CLIENT, "app.py": CLIENT_APP})
    statuses, text, reasons = out["client.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        '            self.headers["Authorization"] = "Bearer %s" % access_token\n'
        "        else:\n"
        '            self.headers["Authorization"] = "Bearer " + (api_key or '
        'os.environ["HUBSPOT_ACCESS_TOKEN"])\n'
    ) in text
    assert 'HubSpotClient(os.environ.get("HUBSPOT_ACCESS_TOKEN"))' in out["app.py"][1]


def test_instances_headers_reused_for_a_form_stay_with_the_reason(tmp_path):
    source = CLIENT + FORM_REUSE
    out = migrate(tmp_path, {"client.py": source, "app.py": CLIENT_APP})
    statuses, text, reasons = out["client.py"]
    assert Status.MANUAL in statuses and text == source
    assert (
        "the headers the OAuth branch fills (self.headers) are also read at line 26"
    ) in " ".join(reasons)


# -- a session's params in the key's branch, its header in the OAuth one --------

HOOK = """\
import os

import requests

BASE = "https://api.hubapi.com"


def owners_and_deal(deal_id):
    session = requests.Session()
    if os.environ.get("HUBSPOT_AUTH_TYPE") == "private_app":
        session.headers["Authorization"] = "Bearer %s" % os.environ["HUBSPOT_APP_TOKEN"]
    else:
        session.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
    owners = session.get(BASE + "/owners/v2/owners").json()
    return owners, session.get(BASE + "/deals/v1/deal/%s" % deal_id).json()
"""

HOOK_SCENARIO = '''\
"""A session given the OAuth header or the key's params."""
ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {
    "case_app": {"HUBSPOT_AUTH_TYPE": "private_app", "HUBSPOT_APP_TOKEN": "oauth-app"}
}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": []},
    {"method": "GET", "url": r"/deals/v1/deal/", "json": {"dealId": 3}},
]


def case_key(credential):
    import hook

    assert hook.owners_and_deal(3) == ([], {"dealId": 3})


def case_app(credential):
    import hook

    assert hook.owners_and_deal(3) == ([], {"dealId": 3})
'''


def test_the_session_params_branch_becomes_its_header(tmp_path):
    statuses, text, reasons = migrate(tmp_path, {"hook.py": HOOK})["hook.py"]
    assert statuses == [Status.REWRITE], reasons
    assert (
        '        session.headers["Authorization"] = "Bearer %s" % '
        'os.environ["HUBSPOT_APP_TOKEN"]\n'
        "    else:\n"
        '        session.headers["Authorization"] = "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]\n'
    ) in text


def test_the_session_params_branch_behaves_the_same(tmp_path):
    behaves(tmp_path, {"src/hook.py": HOOK, "scenario.py": HOOK_SCENARIO}, manual=0)


# -- a form submission under an OAuth test: keyless ---------------------------

FORMS = """\
import os

import requests

FORMS_BASE = "https://forms.hubspot.com/uploads/form/v2"


class Forms(object):
    def __init__(self, conf):
        self.portal_id = conf["portal_id"]
        self.mode = conf.get("mode", "apikey")
        self.api_key = os.environ.get("HUBSPOT_API_KEY")

    def submit(self, form_guid, fields):
        url = "%s/%s/%s" % (FORMS_BASE, self.portal_id, form_guid)
        params = {}
        if self.mode != "oauth":
            params["hapikey"] = self.api_key
        resp = requests.post(url, data=dict(fields), params=params)
        return resp.status_code
"""

FORMS_SCENARIO = '''\
"""A form submission that sent the key unless the app runs in OAuth mode."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [{"method": "POST", "url": r"/uploads/form/v2/", "status": 204, "body": ""}]


def case_submit(credential):
    from forms import Forms

    assert Forms({"portal_id": 62515}).submit("abc-123", {"email": "a@b.io"}) == 204


def case_oauth_mode(credential):
    from forms import Forms

    forms = Forms({"portal_id": 62515, "mode": "oauth"})
    assert forms.submit("abc-123", {"email": "a@b.io"}) == 204
'''


def test_a_form_submission_under_an_oauth_test_loses_the_key(tmp_path):
    statuses, text, reasons = migrate(tmp_path, {"forms.py": FORMS})["forms.py"]
    assert statuses == [Status.REWRITE], reasons
    assert "form submission" in " ".join(reasons)
    assert "hapikey" not in text and "Authorization" not in text
    assert 'if self.mode != "oauth":' in text


def test_the_form_submission_behaves_the_same(tmp_path):
    behaves(tmp_path, {"src/forms.py": FORMS, "scenario.py": FORMS_SCENARIO}, manual=0)


# -- other near misses ---------------------------------------------------------

FETCH = """\
import os

import requests

STRIPE = "https://api.stripe.com/v1"
HUBSPOT = "https://api.hubapi.com"


def fetch(url, params=None, auth=None):
    return requests.get(url, params=params, auth=auth, timeout=15).json()


def stripe_customer(customer_id):
    return fetch("%s/customers/%s" % (STRIPE, customer_id), auth=(os.environ["STRIPE_KEY"], ""))


def hubspot_company(company_id):
    return fetch("%s/companies/v2/companies/%s" % (HUBSPOT, company_id),
                 params={"hapikey": os.environ["HUBSPOT_API_KEY"]})
"""


def test_a_helper_carrying_another_hosts_credential_stays_with_the_reason(tmp_path):
    statuses, text, reasons = migrate(tmp_path, {"fetch.py": FETCH})["fetch.py"]
    assert statuses == [Status.MANUAL] and text == FETCH
    assert (
        "fetch() also sends another host's credential (auth= at line 14, to "
        "api.stripe.com)"
    ) in " ".join(reasons)


DEVELOPER = """\
import os

import requests

BASE = "https://api.hubapi.com"
APP_ID = 1234


def settings(token=None):
    headers = {}
    params = {}
    if token:
        headers["Authorization"] = "Bearer " + token
    else:
        params["hapikey"] = os.environ["HUBSPOT_DEVELOPER_KEY"]
    url = BASE + "/webhooks/v1/%s/settings" % APP_ID
    return requests.get(url, params=params, headers=headers).json()
"""


def test_a_developer_key_branch_is_kept(tmp_path):
    statuses, text, _ = migrate(tmp_path, {"hooks.py": DEVELOPER})["hooks.py"]
    assert statuses == [Status.KEPT] and text == DEVELOPER


# -- review 19: the container also serves what the key never reached ----------

FORM_ON_THE_SESSION = """
    def submit_form(self, form_guid, fields):
        # the forms endpoint takes no key
        return self.session.post(FORMS + form_guid, data=fields, timeout=15).status_code
"""


def test_a_form_submission_on_the_constructors_session_keeps_it(tmp_path):
    # review 19, R19: the session's header would reach the form's POST
    source = (
        TICKETS.replace(
            'API = "https://api.hubapi.com"\n',
            'API = "https://api.hubapi.com"\n'
            'FORMS = "https://forms.hubspot.com/uploads/form/v2/62515/"\n',
        )
        + FORM_ON_THE_SESSION
    )
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert statuses == [Status.MANUAL] and text == source
    assert "to an endpoint that takes no token" in reasons


def test_a_key_presence_test_choosing_the_mode_stays_with_the_reason(tmp_path):
    # review 19, R20: the key's branch runs only while the key is set
    source = TICKETS.replace(
        TICKETS_OAUTH,
        '        if os.environ.get("HUBSPOT_API_KEY"):\n'
        '            self.auth_params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
        "        else:\n"
        '            self.session.headers["Authorization"] = "Bearer " + '
        'os.environ["HUBSPOT_OAUTH_TOKEN"]\n'
        "            self.auth_params = {}\n",
    ).replace(
        '            self.auth_params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n\n',
        "\n",
        1,
    )
    assert source.count("hapikey") == 1 and "else:\n            self.session" in source
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert Status.REWRITE not in statuses and text == source, reasons
    assert "the key's presence chooses the auth mode" in reasons


def test_a_key_presence_test_of_a_local_stays_too(tmp_path):
    # the same with the key read into a name first, tested by that name
    source = TICKETS.replace(
        TICKETS_OAUTH,
        '        key = os.environ.get("HUBSPOT_API_KEY")\n'
        "        if key:\n"
        '            self.auth_params = {"hapikey": key}\n'
        "        else:\n"
        '            self.session.headers["Authorization"] = "Bearer " + '
        'os.environ["HUBSPOT_OAUTH_TOKEN"]\n'
        "            self.auth_params = {}\n",
    ).replace(
        '            self.auth_params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n\n',
        "\n",
        1,
    )
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert Status.REWRITE not in statuses and text == source, reasons
    assert "the key's presence chooses the auth mode" in reasons


ATTACHMENTS = """\
from app.hub import HubSpot


def download(url):
    hub = HubSpot()
    return hub.session.get(url, timeout=30).content


def invoice_pdf(invoice_id):
    return download("https://files.acme-cdn.example.com/invoices/%s.pdf" % invoice_id)
"""


def test_a_session_another_module_sends_elsewhere_stays(tmp_path):
    # review 19, R23: hub.session of another module goes to a CDN
    out = migrate(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/hub.py": TICKETS,
            "app/attachments.py": ATTACHMENTS,
        },
    )
    statuses, text, reasons = out["app/hub.py"]
    assert Status.REWRITE not in statuses and text == TICKETS, reasons


def test_a_session_other_modules_use_for_hubspot_only_still_changes(tmp_path):
    uses = ATTACHMENTS.replace(
        "return hub.session.get(url, timeout=30).content",
        "return hub.tickets()",
    )
    out = migrate(
        tmp_path,
        {"app/__init__.py": "", "app/hub.py": TICKETS, "app/attachments.py": uses},
    )
    statuses, text, reasons = out["app/hub.py"]
    assert statuses == [Status.REWRITE], reasons


DEVELOPER_ON_THE_SESSION = """
    def webhook_settings(self, app_id):
        # app-level endpoint: the developer portal's key
        r = self.session.get(API + "/webhooks/v1/%s/settings" % app_id,
                             params={"hapikey": os.environ["HUBSPOT_DEVELOPER_KEY"]}, timeout=15)
        return r.json()
"""


def test_a_developer_key_request_on_the_session_keeps_it(tmp_path):
    # review 19, R25: the session's header would reach the developer-key request
    source = TICKETS + DEVELOPER_ON_THE_SESSION
    statuses, text, reasons = tickets_site(tmp_path, source)
    assert Status.REWRITE not in statuses and text == source, reasons
    assert Status.MANUAL in statuses


AVATARS = """\
import requests

from app import client_from_env


def owner_avatar(url):
    hub = client_from_env()
    return requests.get(url, headers=hub.headers, timeout=10).content


def avatar_for(owner_id):
    return owner_avatar("https://img.acme-proxy.example.com/owners/%s.png" % owner_id)
"""


def test_instances_headers_another_module_sends_elsewhere_stay(tmp_path):
    # review 19, R27: hub.headers of another module go to an image proxy
    out = migrate(
        tmp_path, {"client.py": CLIENT, "app.py": CLIENT_APP, "avatars.py": AVATARS}
    )
    statuses, text, reasons = out["client.py"]
    assert Status.REWRITE not in statuses and text == CLIENT, reasons
    assert out["app.py"][1] == CLIENT_APP


def test_instances_headers_read_through_a_returned_name_stay(tmp_path):
    # the factory binds its instance before returning it: avatars still reads
    # hub.headers of it (the tree-wide read of the headers holding the token)
    app = CLIENT_APP.replace(
        "    if token:\n"
        "        return HubSpotClient(access_token=token)\n"
        '    return HubSpotClient(os.environ.get("HUBSPOT_API_KEY"))\n',
        "    if token:\n"
        "        client = HubSpotClient(access_token=token)\n"
        "    else:\n"
        '        client = HubSpotClient(os.environ.get("HUBSPOT_API_KEY"))\n'
        "    return client\n",
    )
    assert "return client\n" in app
    out = migrate(tmp_path, {"client.py": CLIENT, "app.py": app, "avatars.py": AVATARS})
    statuses, text, reasons = out["client.py"]
    assert Status.REWRITE not in statuses and text == CLIENT, reasons
    assert "avatars.py:8 reads headers" in " ".join(reasons)


ELIF = """\
import os

import requests

BASE = "https://api.hubapi.com"


class HubSpotClient:
    def __init__(self, oauth_token=None):
        self.oauth_token = oauth_token or os.environ.get("HUBSPOT_OAUTH_TOKEN")
        self.api_key = os.environ.get("HUBSPOT_API_KEY")

    def request(self, method, path, params=None):
        headers = {"Accept": "application/json"}
        params = dict(params or {})
        if self.oauth_token:
            headers["Authorization"] = "Bearer %s" % self.oauth_token
        elif self.api_key:
            params["hapikey"] = self.api_key
        else:
            raise RuntimeError("configure HUBSPOT_OAUTH_TOKEN or HUBSPOT_API_KEY")
        resp = requests.request(method, BASE + path, params=params, headers=headers, timeout=30)
        return resp.json()

    def owners(self):
        return self.request("GET", "/owners/v2/owners")
"""


def test_an_elif_on_the_keys_attribute_stays_with_the_reason(tmp_path):
    # review 19, R20's attribute form: the local headers' placement
    # (guarded_header) is refused as well
    statuses, text, reasons = migrate(tmp_path, {"client.py": ELIF})["client.py"]
    assert Status.REWRITE not in statuses and text == ELIF, reasons
    assert "the key's presence chooses the auth mode (self.api_key" in " ".join(reasons)
