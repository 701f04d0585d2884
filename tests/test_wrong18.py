"""Wrong rewrites the reviewers found open at the seventeenth round's end, each
a class: the credential lost, replaced or sent to another host. Each shape
stays as it is now (manual, the reason naming the place), and its near shape
that is safe still migrates.

- a wrapper taking "a path or a whole URL" (``url = path if
  path.startswith("http") else BASE + path``): its callers give the host
  (review 25, R14);
- a key guarded by ``if "hubspot" in url`` in a module function other modules
  hand a form submission URL (R15, the function variant);
- a base class or mixin reading the key's params dict a subclass sets (R3),
  and another module reading an instance's params dict (R4);
- a request sent through the session its callers hand in (review 24, R9).
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree


def _statuses(result):
    return {s.status for s in key_sites(result)}


# R14: a path or a whole URL ---------------------------------------------------

PATH_OR_URL = """\
import os

import requests

BASE = "https://api.hubapi.com"
KEY = os.environ["HUBSPOT_API_KEY"]


def send(method, path, **kwargs):
    url = path if path.startswith("http") else BASE + path
    kwargs.setdefault("params", {})["hapikey"] = KEY
    return requests.request(method, url, **kwargs)
"""
JOBS = """\
from hs import send


def owners():
    return send("GET", "/crm/v3/owners").json()


def alert(text):
    return send("POST", "https://hooks.slack.com/services/T0/B0/X", json={"text": text})
"""


def test_a_wrapper_taking_a_path_or_a_whole_url_is_given_its_callers_host(tmp_path):
    results = tree(tmp_path, {"hs.py": PATH_OR_URL, "jobs.py": JOBS})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "host comes from its path" in key_sites(result)[0].reason
    assert result.new is None


METHOD_PATH_OR_URL = """\
import os

import requests

BASE = "https://api.hubapi.com"


class Client:
    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]

    def call(self, method, path, **kwargs):
        url = path if path.startswith("http") else BASE + path
        kwargs.setdefault("params", {})["hapikey"] = self.key
        return requests.request(method, url, **kwargs)


CLIENT = Client()
"""


def test_a_method_taking_a_path_or_a_whole_url_is_checked_for_other_hosts(tmp_path):
    jobs = JOBS.replace("from hs import send", "from hs import CLIENT")
    jobs = jobs.replace("send(", "CLIENT.call(")
    results = tree(tmp_path, {"hs.py": METHOD_PATH_OR_URL, "jobs.py": jobs})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "hooks.slack.com" in key_sites(result)[0].reason
    assert result.new is None


# R15: a guarded key, a form submission handed from another module -------------

GUARDED = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def send(method, url, **kwargs):
    if "hubspot" in url or "hubapi" in url:
        kwargs["params"] = dict(kwargs.get("params") or {}, hapikey=KEY)
    return requests.request(method, url, **kwargs)
"""
GUARDED_JOBS = """\
from hs import send


def owners():
    return send("GET", "https://api.hubapi.com/crm/v3/owners").json()


def alert(text):
    return send("POST", "https://hooks.slack.com/services/T0/B0/X", json={"text": text})
"""
SUBMIT = """

def submit(portal_id, form_guid, fields):
    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (portal_id, form_guid)
    return send("POST", url, data=fields)
"""


def test_a_guarded_helper_handed_a_form_submission_elsewhere_stays(tmp_path):
    files = {"hs.py": GUARDED, "jobs.py": GUARDED_JOBS + SUBMIT}
    results = tree(tmp_path, files)
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "form submission" in key_sites(result)[0].reason
    assert result.new is None


def test_a_guarded_helper_handed_hubspot_and_other_hosts_migrates(tmp_path):
    # the guard keeps Slack out, as it kept the key out: the header goes under
    # the key's own condition, and the key goes
    results = tree(tmp_path, {"hs.py": GUARDED, "jobs.py": GUARDED_JOBS})
    result = results["hs.py"]
    assert _statuses(result) == {Status.REWRITE}
    migrated = result.new.decode()
    assert "hapikey" not in migrated
    guarded = migrated.split('if "hubspot" in url or "hubapi" in url:\n')[1]
    assert guarded.splitlines()[1].strip().startswith('kwargs["headers"] =')


# a request's own mapping: the key it carries, a token now -----------------------

DEALS = """\
import requests

SEARCH_URL = "https://api.hubapi.com/crm/v3/objects/companies/search"


def company_by_name(api_key, name):
    return requests.post(SEARCH_URL, json={"query": name}, params={"hapikey": api_key})
"""


def test_a_requests_own_headers_mapping_still_migrates(tmp_path):
    # headers["api_key"]: the key the request carries, a token now
    handler = DEALS + (
        "\n\ndef handle(headers, name):\n"
        '    return company_by_name(headers["api_key"], name)\n'
    )
    results = tree(tmp_path, {"deals.py": handler})
    assert _statuses(results["deals.py"]) == {Status.REWRITE}


# R3, R4: the key's params dict read by a base class or another module ----------

BASE_API = """\
import requests


class BaseAPI:
    base_url = "https://api.hubapi.com"

    def _get(self, path, **params):
        params.update(self.auth_params)
        return requests.get(self.base_url + path, params=params).json()
"""
CONTACTS_API = """\
import os

import requests

from base import BaseAPI


class ContactsAPI(BaseAPI):
    def __init__(self):
        self.auth_params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}

    def recent(self, count=20):
        return self._get("/contacts/v1/lists/recently_updated/contacts/recent", count=count)

    def by_email(self, email):
        url = f"{self.base_url}/contacts/v1/contact/email/{email}/profile"
        return requests.get(url, params=self.auth_params).json()
"""


def test_a_base_class_reading_the_subclasss_key_params_keeps_it(tmp_path):
    results = tree(tmp_path, {"base.py": BASE_API, "contacts.py": CONTACTS_API})
    result = results["contacts.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "BaseAPI" in key_sites(result)[0].reason
    assert result.new is None


def test_a_class_attribute_read_by_the_base_class_keeps_it(tmp_path):
    source = """\
import os
import requests


class Endpoint:
    BASE = "https://api.hubapi.com"
    PATH = ""
    URL_PARAMS = {}

    def list(self):
        return requests.get(self.BASE + self.PATH, params=self.URL_PARAMS).json()


class Contacts(Endpoint):
    PATH = "/contacts/v1/lists/all/contacts/all"
    URL_PARAMS = {"hapikey": os.environ["HUBSPOT_API_KEY"], "count": 100}

    def one(self, vid):
        url = f"{self.BASE}/contacts/v1/contact/vid/{vid}/profile"
        return requests.get(url, params=self.URL_PARAMS).json()
"""
    result = tree(tmp_path, {"api.py": source})["api.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "Endpoint" in key_sites(result)[0].reason


HUB = """\
import os

import requests


class HubSpotClient:
    def __init__(self):
        self.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}

    def owners(self):
        return requests.get("https://api.hubapi.com/crm/v3/owners", params=self.params).json()


HUB = HubSpotClient()
"""


def test_another_module_reading_the_instances_key_params_keeps_it(tmp_path):
    export = (
        "import requests\n\nfrom hub import HUB\n\n\n"
        "def export_contacts():\n"
        '    url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"\n'
        "    return requests.get(url, params=HUB.params).json()\n"
    )
    results = tree(tmp_path, {"hub.py": HUB, "export.py": export})
    result = results["hub.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "export.py" in key_sites(result)[0].reason
    assert result.new is None


def test_a_client_whose_params_no_other_code_reads_migrates(tmp_path):
    export = "from hub import HUB\n\n\ndef owners():\n    return HUB.owners()\n"
    result = tree(tmp_path, {"hub.py": HUB, "export.py": export})["hub.py"]
    assert _statuses(result) == {Status.REWRITE}


# R9: the session the callers hand in --------------------------------------------

SYNC = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def update_deal(deal_id, props, session=None):
    http = session or requests
    url = "https://api.hubapi.com/crm/v3/objects/deals/%s?hapikey=%s" % (deal_id, KEY)
    return http.patch(url, json={"properties": props})
"""
OAUTH_SYNC = """\
import requests

from sync import update_deal


def sync_installation(installation, deal_id, props):
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + installation.access_token
    return update_deal(deal_id, props, session=session)
"""


def test_a_request_through_a_session_another_module_hands_in_stays(tmp_path):
    results = tree(tmp_path, {"sync.py": SYNC, "oauth_sync.py": OAUTH_SYNC})
    result = results["sync.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "session its callers hand in" in key_sites(result)[0].reason
    assert result.new is None


def test_a_request_through_a_session_this_module_hands_in_stays(tmp_path):
    source = SYNC + (
        "\n\ndef sync_installation(installation, deal_id, props):\n"
        "    session = requests.Session()\n"
        '    session.headers["Authorization"] = "Bearer " + installation.access_token\n'
        "    return update_deal(deal_id, props, session)\n"
    )
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "line 17 gives one" in key_sites(result)[0].reason


def test_a_session_parameter_no_call_fills_migrates(tmp_path):
    source = SYNC + "\n\ndef close(deal_id):\n    return update_deal(deal_id, {})\n"
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert _statuses(result) == {Status.REWRITE}


# two modules of one file name: one call must not hide another --------------

FACTORY_CLIENT = METHOD_PATH_OR_URL.replace(
    '        url = path if path.startswith("http") else BASE + path\n', ""
).replace("request(method, url,", "request(method, path,") + (
    "\n\ndef get_client():\n    return CLIENT\n"
)


def test_a_traced_call_does_not_hide_an_untraced_one_at_the_same_line(tmp_path):
    owners = (
        "from hs import CLIENT\n\n\ndef owners():\n"
        '    return CLIENT.call("GET", "https://api.hubapi.com/owners/v2/owners")\n'
    )
    alert = (
        "from hs import get_client\n\n\ndef alert():\n"
        '    return get_client().call("POST", "https://hooks.slack.com/services/X")\n'
    )
    files = {"hs.py": FACTORY_CLIENT, "a/jobs.py": owners, "b/jobs.py": alert}
    result = tree(tmp_path, files)["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "hooks.slack.com" in key_sites(result)[0].reason


def test_a_plain_client_made_and_handed_down_migrates(tmp_path):
    # async with httpx.AsyncClient() as client: get_contact(client, vid): the
    # client carries no credential of its own, the header is the only one
    hub = (
        "import os\n\nimport requests\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n'
        'URL = "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile?hapikey=%s"\n\n\n'
        "def get_contact(session, vid):\n"
        "    return session.get(URL % (vid, KEY)).json()\n"
    )
    jobs = (
        "import requests\n\nfrom hub import get_contact\n\n\n"
        "def run(vids):\n"
        "    with requests.Session() as session:\n"
        "        return [get_contact(session, v) for v in vids]\n"
    )
    result = tree(tmp_path, {"hub.py": hub, "jobs.py": jobs})["hub.py"]
    assert _statuses(result) == {Status.REWRITE}


# a guard made a token test must not take a definition another module imports -

GUARDED_HS = """\
import os

import requests

HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")


def sync_contacts():
    if not HUBSPOT_API_KEY:
        print("skipping sync")
        return
    r = requests.get("https://api.hubapi.com/crm/v3/objects/contacts",
                     params={"hapikey": HUBSPOT_API_KEY, "limit": 100})
    return r.json()
"""
HEALTHCHECK = """\
from hs import HUBSPOT_API_KEY

print("key length", len(HUBSPOT_API_KEY or ""))
"""


def test_a_definition_another_module_imports_stays_beside_a_moved_guard(tmp_path):
    # review 26 R11: the guard's test of the token deleted the definition, and
    # healthcheck.py died with ImportError
    results = tree(tmp_path, {"hs.py": GUARDED_HS, "healthcheck.py": HEALTHCHECK})
    new = results["hs.py"].new.decode()
    assert 'HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")' in new
    assert "hapikey" not in new
    assert results["healthcheck.py"].new is None


def test_a_path_or_a_whole_url_chosen_by_statements_is_its_callers_host(tmp_path):
    # review 26 R4: the if/else spelling of the same choice
    source = PATH_OR_URL.replace(
        '    url = path if path.startswith("http") else BASE + path\n',
        '    if path.startswith("/"):\n'
        "        url = BASE + path\n"
        "    else:\n"
        "        url = path\n",
    )
    results = tree(tmp_path, {"hs.py": source, "jobs.py": JOBS})
    result = results["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "host comes from its path" in key_sites(result)[0].reason
    assert result.new is None
