"""Wrong rewrites the reviewers found open at the eighteenth round's end, each a
class; the shape stays as it is (manual, the reason naming the call), and its
near shape that is safe still migrates.

- a helper whose key goes under the code's own condition (``if "hubspot" in
  url``), handed a URL known only at run time: a form submission's passes that
  condition too, and would carry the token with each visitor's data (review 26,
  R8): the module function called from another module, from its own module,
  and the method called through an instance;
- two configurations' blobs read through locals of one name (``config =
  json.loads(os.environ["US"])`` in one function, ``"EMEA"`` in another; one
  Airflow Variable per DAG module) are two keys, not the one text
  ``config["hubspot_api_key"]`` (review 26, R9);
- a key definition a moved guard would delete, imported by another module in
  any spelling (parenthesised, ``*``, ``import hs as alias``): it stays
  (review 27, R1);
- two modules reading ``os.environ[ENV]``, each ``ENV`` a constant naming its
  own variable: two keys (review 27, R5);
- a class attribute read as the key that the class's own methods set per
  request (``cls.hubspot_key = user.key``, ``type(self).X``,
  ``self.__class__.X``): a value per run (review 27, R8);
- a base class reading a key dict its subclass gets from another module's
  function (``self.params = key_params()``) or a property (``@property def
  auth_params``): the base's requests would lose the key (review 27, R3, R9);
- a git-ignored ``const`` module's value written by another module under an
  alias or through a parameter, or one ``const.py`` per script folder (one per
  portal): the one token would replace each (review 27, R6, R7);
- a web-session entry a view fills from a stored key through a local holding
  the session or an entry named by a constant: its senders elsewhere stay
  (review 27, R4);
- a function sending through the session its callers hand in, called from a
  notebook whose cell gives its own OAuth session (review 27, R10).
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree


def _statuses(result):
    return {s.status for s in key_sites(result)}


# R8: a run-time URL through the code's own host condition ----------------------

SEND = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def send(method, url, **kwargs):
    if {condition}:
        kwargs["params"] = dict(kwargs.get("params") or {{}}, hapikey=KEY)
    return requests.request(method, url, **kwargs)
"""
SUBSTRING = '"hubspot" in url or "hubapi" in url'
SETTINGS = (
    'HUBSPOT_FORM_URL = "https://forms.hubspot.com/uploads/form/v2/{portal}/{form}"\n'
)
JOBS = """\
from hs import send
from settings import HUBSPOT_FORM_URL


def owners():
    return send("GET", "https://api.hubapi.com/crm/v3/owners").json()


def submit(portal_id, form_guid, fields):
    url = HUBSPOT_FORM_URL.format(portal=portal_id, form=form_guid)
    return send("POST", url, data=fields)
"""


def test_a_guarded_helper_handed_a_settings_url_elsewhere_stays(tmp_path):
    files = {
        "hs.py": SEND.format(condition=SUBSTRING),
        "settings.py": SETTINGS,
        "jobs.py": JOBS,
    }
    result = tree(tmp_path, files)["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert result.new is None
    assert "known only at run time" in key_sites(result)[0].reason
    assert "jobs.py" in key_sites(result)[0].reason


def test_a_guarded_helper_handed_a_run_time_url_in_its_module_stays(tmp_path):
    own = SEND.format(condition=SUBSTRING) + (
        "\n\ndef owners():\n"
        '    return send("GET", "https://api.hubapi.com/crm/v3/owners").json()\n'
        "\n\ndef submit(url, fields):\n"
        '    return send("POST", url, data=fields)\n'
    )
    result = tree(tmp_path, {"hs.py": own})["hs.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert result.new is None
    reason = key_sites(result)[0].reason
    assert "the call at line 19" in reason and "form submission" in reason


CLIENT = """\
import os

import requests


class HubClient:
    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]

    def send(self, method, url, **kwargs):
        if {condition}:
            kwargs["params"] = dict(kwargs.get("params") or {{}}, hapikey=self.key)
        return requests.request(method, url, **kwargs)
"""
CLIENT_JOBS = """\
from client import HubClient
from settings import HUBSPOT_FORM_URL

hub = HubClient()


def owners():
    return hub.send("GET", "https://api.hubapi.com/crm/v3/owners").json()


def submit(portal_id, form_guid, fields):
    url = HUBSPOT_FORM_URL.format(portal=portal_id, form=form_guid)
    return hub.send("POST", url, data=fields)
"""


def test_a_guarded_method_handed_a_settings_url_stays(tmp_path):
    files = {
        "client.py": CLIENT.format(condition=SUBSTRING),
        "settings.py": SETTINGS,
        "jobs.py": CLIENT_JOBS,
    }
    result = tree(tmp_path, files)["client.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert result.new is None
    reason = key_sites(result)[0].reason
    assert "HubClient.send()" in reason and "jobs.py:13" in reason


API_ONLY = "urlparse(url).hostname in API_HOSTS"
API_ONLY_PRELUDE = (
    "from urllib.parse import urlparse\n\n"
    'API_HOSTS = ("api.hubapi.com", "api-eu1.hubapi.com")\n'
)


def test_a_condition_no_form_url_passes_keeps_migrating(tmp_path):
    # the condition admits API hosts only: a URL known at run time that is a
    # form submission's gets neither the key before nor the token after
    hs = SEND.format(condition=API_ONLY).replace(
        "import requests\n", "import requests\n" + API_ONLY_PRELUDE, 1
    )
    client = CLIENT.format(condition=API_ONLY).replace(
        "import requests\n", "import requests\n" + API_ONLY_PRELUDE, 1
    )
    files = {
        "hs.py": hs,
        "client.py": client,
        "settings.py": SETTINGS,
        "jobs.py": JOBS,
        "client_jobs.py": CLIENT_JOBS,
    }
    results = tree(tmp_path, files)
    for name in ("hs.py", "client.py"):
        result = results[name]
        assert _statuses(result) == {Status.REWRITE}, key_sites(result)
        migrated = result.new.decode()
        assert "hapikey" not in migrated
        guarded = migrated.split("if urlparse(url).hostname in API_HOSTS:\n")[1]
        assert guarded.splitlines()[1].strip().startswith('kwargs["headers"] =')


# R9: two configurations' blobs read through locals of one name -------------------

BLOBS = """\
import json
import os

import requests


def us_forms():
    config = json.loads(os.environ["HUBSPOT_{first}_CONFIG"])
    return requests.get(
        "https://api.hubapi.com/forms/v2/forms",
        params={{"hapikey": config["hubspot_api_key"]}},
    ).json()


def emea_forms():
    config = json.loads(os.environ["HUBSPOT_{second}_CONFIG"])
    return requests.get(
        "https://api.hubapi.com/forms/v2/forms",
        params={{"hapikey": config["hubspot_api_key"]}},
    ).json()
"""


def test_two_blobs_read_through_one_local_name_are_two_keys(tmp_path):
    result = tree(tmp_path, {"sync.py": BLOBS.format(first="US", second="EMEA")})
    assert _statuses(result["sync.py"]) == {Status.MANUAL}
    reason = key_sites(result["sync.py"])[0].reason
    assert "HUBSPOT_US_CONFIG" in reason and "HUBSPOT_EMEA_CONFIG" in reason


def test_two_modules_blobs_through_one_local_name_are_two_keys(tmp_path):
    module = (
        "import requests\n"
        "from airflow.models import Variable\n\n"
        "config = Variable.get({name!r}, deserialize_json=True)\n\n\n"
        "def forms():\n"
        '    return requests.get("https://api.hubapi.com/forms/v2/forms", '
        'params={{"hapikey": config["hubspot_api_key"]}}).json()\n'
    )
    files = {
        "us.py": module.format(name="hubspot_us_config"),
        "emea.py": module.format(name="hubspot_emea_config"),
    }
    results = tree(tmp_path, files)
    for name in files:
        assert _statuses(results[name]) == {Status.MANUAL}, key_sites(results[name])
        assert "several keys" in key_sites(results[name])[0].reason


def test_one_blob_read_in_two_functions_is_one_key(tmp_path):
    result = tree(tmp_path, {"sync.py": BLOBS.format(first="US", second="US")})
    sent = [s for s in key_sites(result["sync.py"]) if s.kind.value != "setting"]
    assert len(sent) == 2 and {s.status for s in sent} == {Status.REWRITE}, sent


# review 27 R1: a definition another module imports in any spelling ---------------

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
IMPORTERS = {
    "parenthesised": "from hs import (\n    HUBSPOT_API_KEY,\n    sync_contacts,\n)\n\n"
    "print(bool(HUBSPOT_API_KEY), sync_contacts)\n",
    "star": "from hs import *\n\nprint(bool(HUBSPOT_API_KEY))\n",
    "alias": "import hs as hubspot_sync\n\nprint(bool(hubspot_sync.HUBSPOT_API_KEY))\n",
}


def test_a_definition_imported_in_any_spelling_stays(tmp_path):
    for spelling, importer in IMPORTERS.items():
        root = tmp_path / spelling
        results = tree(root, {"hs.py": GUARDED_HS, "health.py": importer})
        new = results["hs.py"].new.decode()
        assert 'HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")' in new, spelling
        assert "hapikey" not in new
        assert results["health.py"].new is None


def test_a_definition_no_module_reads_goes_with_its_guard(tmp_path):
    importer = "import hs\n\nprint(hs.sync_contacts())\n"
    results = tree(tmp_path, {"hs.py": GUARDED_HS, "health.py": importer})
    new = results["hs.py"].new.decode()
    assert "HUBSPOT_API_KEY =" not in new
    assert (
        "HUBSPOT_ACCESS_TOKEN" in new.split("def sync_contacts():")[1].splitlines()[1]
    )


# review 27 R5: the environment variable named by a module constant ----------------

REGION = """\
import os

import requests

ENV = {variable!r}


def forms():
    return requests.get("https://api.hubapi.com/forms/v2/forms",
                        params={{"hapikey": os.environ[ENV]}}).json()
"""


def test_two_modules_variables_named_by_constants_are_two_keys(tmp_path):
    files = {
        "us.py": REGION.format(variable="HUBSPOT_US_API_KEY"),
        "emea.py": REGION.format(variable="HUBSPOT_EMEA_API_KEY"),
    }
    results = tree(tmp_path, files)
    for name in files:
        sites = key_sites(results[name])
        assert {s.status for s in sites} == {Status.MANUAL}, sites
        assert "HUBSPOT_US_API_KEY" in sites[0].reason
        assert "HUBSPOT_EMEA_API_KEY" in sites[0].reason


def test_one_variable_named_by_a_constant_migrates(tmp_path):
    result = tree(tmp_path, {"us.py": REGION.format(variable="HUBSPOT_API_KEY")})
    sites = key_sites(result["us.py"])
    assert {s.status for s in sites} == {Status.REWRITE}, sites
    assert "hapikey" not in result["us.py"].new.decode()


# review 27 R8: a class attribute its own methods set per request ------------------

RUNTIME = """\
class Runtime:
    hubspot_key = None

    {decorator}def activate({first}, user):
        {target}.hubspot_key = user.profile.hubspot_api_key
"""
HUB = """\
import requests

from proj.runtime import Runtime


def push_contact(email):
    return requests.post("https://api.hubapi.com/contacts/v1/contact",
                         params={"hapikey": Runtime.hubspot_key},
                         json={"properties": [{"property": "email", "value": email}]})
"""


def test_a_class_attribute_its_methods_set_per_request_stays(tmp_path):
    spellings = {
        "cls": ("@classmethod\n    ", "cls", "cls"),
        "type": ("", "self", "type(self)"),
        "dunder": ("", "self", "self.__class__"),
    }
    for name, (decorator, first, target) in spellings.items():
        runtime = RUNTIME.format(decorator=decorator, first=first, target=target)
        files = {
            "proj/__init__.py": "",
            "proj/runtime.py": runtime,
            "proj/integrations/__init__.py": "",
            "proj/integrations/hub.py": HUB,
        }
        result = tree(tmp_path / name, files)["proj/integrations/hub.py"]
        assert _statuses(result) == {Status.MANUAL}, name
        line = 6 if decorator else 5  # the write's line
        reason = key_sites(result)[0].reason
        assert f"runtime.py:{line} sets Runtime.hubspot_key" in reason, reason
        assert result.new is None


# review 27 R3, R9: a base class reading a key dict given by a function or a property

BASE_API = """\
import requests


class BaseAPI:
    base_url = "https://api.hubapi.com"

    def _get(self, path, **params):
        params.update(self.{attribute})
        resp = requests.get(self.base_url + path, params=params)
        resp.raise_for_status()
        return resp.json()
"""
CONTACTS_TAIL = """
    def recent(self, count=20):
        return self._get("/contacts/v1/lists/recently_updated/contacts/recent", count=count)

    def by_email(self, email):
        url = f"{{self.base_url}}/contacts/v1/contact/email/{{email}}/profile"
        return requests.get(url, params=self.{attribute}).json()
"""
AUTH = """\
import os

KEY = os.environ["HUBSPOT_API_KEY"]


def key_params():
    return {"hapikey": KEY}
"""
FROM_FUNCTION = """\
import requests

from auth import key_params
from base import BaseAPI


class ContactsAPI(BaseAPI):
    def __init__(self):
        self.params = key_params()
"""
FROM_PROPERTY = """\
import os

import requests

from base import BaseAPI


class ContactsAPI(BaseAPI):
    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]

    @property
    def auth_params(self):
        return {"hapikey": self.key}
"""


def test_a_key_dict_another_modules_function_returns_read_by_the_base_stays(tmp_path):
    files = {
        "auth.py": AUTH,
        "base.py": BASE_API.format(attribute="params"),
        "contacts.py": FROM_FUNCTION + CONTACTS_TAIL.format(attribute="params"),
    }
    results = tree(tmp_path, files)
    for name in ("auth.py", "contacts.py"):
        assert results[name].new is None, name
        assert _statuses(results[name]) == {Status.MANUAL}
    assert "base.py:8" in key_sites(results["contacts.py"])[0].reason


def test_a_key_dict_property_read_by_the_base_stays(tmp_path):
    files = {
        "base.py": BASE_API.format(attribute="auth_params"),
        "contacts.py": FROM_PROPERTY + CONTACTS_TAIL.format(attribute="auth_params"),
    }
    result = tree(tmp_path, files)["contacts.py"]
    assert result.new is None
    assert _statuses(result) == {Status.MANUAL}
    assert "reads self.auth_params" in key_sites(result)[0].reason


# review 27 R6, R7: a git-ignored const module written elsewhere, or one per folder

READER = """\
import requests

import const


def companies():
    r = requests.get("https://api.hubapi.com/companies/v2/companies/paged",
                     params={"hapikey": const.apikey, "limit": 5})
    return r.json()
"""
RUNNERS = {
    "alias": "import json\n\nimport const as cfg\nimport func\n\n"
    'for portal in json.load(open("portals.json")):\n'
    '    cfg.apikey = portal["hapikey"]\n'
    "    func.companies()\n",
    "parameter": "import json\n\nimport const\nimport func\n\n\n"
    "def use_portal(settings, portal):\n"
    '    settings.apikey = portal["hapikey"]\n\n\n'
    'for portal in json.load(open("portals.json")):\n'
    "    use_portal(const, portal)\n"
    "    func.companies()\n",
    "setattr": "import json\n\nimport const\nimport func\n\n"
    'for portal in json.load(open("portals.json")):\n'
    "    for name, value in portal.items():\n"
    "        setattr(const, name, value)\n"
    "    func.companies()\n",
    "vars": "import json\n\nimport const\nimport func\n\n"
    'for portal in json.load(open("portals.json")):\n'
    "    vars(const).update(portal)\n"
    "    func.companies()\n",
}


def test_a_const_value_another_module_writes_under_any_name_stays(tmp_path):
    for spelling, runner in RUNNERS.items():
        files = {"func.py": READER, "run_all.py": runner}
        result = tree(tmp_path / spelling, files)["func.py"]
        assert _statuses(result) == {Status.MANUAL}, spelling
        assert "run_all.py" in key_sites(result)[0].reason, spelling
        assert result.new is None


def test_a_const_value_a_notebook_writes_stays(tmp_path):
    import json

    cell = ["import const, func\n", 'const.apikey = portal["hapikey"]\n']
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": cell}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "run_all.ipynb").write_text(json.dumps(notebook))
    result = tree(tmp_path, {"func.py": READER})["func.py"]
    assert _statuses(result) == {Status.MANUAL}
    assert "run_all.ipynb" in key_sites(result)[0].reason
    assert result.new is None


def test_two_script_folders_each_with_its_const_are_two_keys(tmp_path):
    files = {"client_acme/sync.py": READER, "client_globex/sync.py": READER}
    results = tree(tmp_path, files)
    for name in files:
        assert _statuses(results[name]) == {Status.MANUAL}, name
        assert "several keys" in key_sites(results[name])[0].reason


def test_one_folders_const_value_read_by_two_scripts_migrates(tmp_path):
    files = {"export.py": READER, "report.py": READER.replace("companies", "deals")}
    results = tree(tmp_path, files)
    for name in files:
        assert _statuses(results[name]) == {Status.REWRITE}, key_sites(results[name])


# review 27 R4: a session entry written through an alias or a named entry -----------

CONNECT = """\
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
{imports}

@login_required
def connect_hubspot(request):
{body}
    return redirect("/crm/contacts/")
"""
CONTACTS_VIEW = """\
from django.shortcuts import redirect, render
from hubspot import HubSpot

SESSION_KEY = "api_key"


def contacts(request):
    api_key = request.session.get("api_key")
    if not api_key:
        return redirect("/accounts/connect/")
    client = HubSpot(api_key=api_key)
    return render(request, "list.html", {"contacts": client.crm.contacts.get_all()})
"""
WRITERS = {
    "alias": (
        "",
        "    session = request.session\n"
        '    session["api_key"] = request.user.profile.hubspot_api_key\n',
    ),
    "constant": (
        "from crm.views import SESSION_KEY\n",
        "    request.session[SESSION_KEY] = request.user.profile.hubspot_api_key\n",
    ),
}


def test_a_stored_key_written_to_the_session_in_any_spelling_stays(tmp_path):
    for spelling, (imports, body) in WRITERS.items():
        files = {
            "accounts/__init__.py": "",
            "accounts/views.py": CONNECT.format(imports=imports, body=body),
            "crm/__init__.py": "",
            "crm/views.py": CONTACTS_VIEW,
        }
        result = tree(tmp_path / spelling, files)["crm/views.py"]
        assert _statuses(result) == {Status.MANUAL}, spelling
        assert "accounts/views.py" in key_sites(result)[0].reason, spelling
        assert result.new is None


# review 27 R10: a notebook handing the session in ---------------------------------

HANDED_SYNC = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def update_deal(deal_id, props, session=None):
    http = session or requests
    url = "https://api.hubapi.com/crm/v3/objects/deals/%s?hapikey=%s" % (deal_id, KEY)
    return http.patch(url, json={"properties": props})
"""
PLAIN_JOBS = """\
import requests

from sync import update_deal


def close_deals(deal_ids):
    with requests.Session() as session:
        for deal_id in deal_ids:
            update_deal(deal_id, {"dealstage": "closedwon"}, session=session)
"""
OAUTH_CELL = [
    "import requests\n",
    "from sync import update_deal\n",
    "\n",
    "session = requests.Session()\n",
    'session.headers["Authorization"] = "Bearer " + installation_token\n',
    'update_deal(7, {"dealstage": "closedwon"}, session=session)\n',
]


def test_a_notebook_handing_its_session_keeps_the_function(tmp_path):
    import json

    from hapimigrate import providers, run
    from hapimigrate.model import RunOptions

    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": OAUTH_CELL,
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "sync.py").write_text(HANDED_SYNC)
    (tmp_path / "jobs.py").write_text(PLAIN_JOBS)
    (tmp_path / "backfill.ipynb").write_text(json.dumps(notebook, indent=1))
    paths = sorted(str(p) for p in tmp_path.iterdir())
    options = RunOptions(providers.resolve(None))
    results = {r.path: r for r in run.results(paths, options, jobs=1)}
    result = results[str(tmp_path / "sync.py")]
    assert _statuses(result) == {Status.MANUAL}
    assert "backfill.ipynb" in key_sites(result)[0].reason
    assert result.new is None
