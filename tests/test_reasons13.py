"""Precise reasons (review 20's N1, N2, N4, N5) and the lines the tree's
leftover pass reports.

- N1: a URL builder writing its key parameter into a params dict
  (``params["hapikey"] = api_key; return BASE + path + "?" + urlencode(params)``),
  every caller passing the one configured key, is the URL builder
  :mod:`url_builders` proves (as ``"?hapikey=" + api_key`` is): migrated.
- N2: ``TEMPLATE % args`` with ``args = (vid, API_KEY, mode)`` bound once just
  above and read only there: the key's element goes from the tuple display
  (:mod:`percent_tuples`); anything else says what is in the way, not "the
  arguments do not match the template".
- N4: a key global rebound by ``configure(api_key)`` chooses the credential,
  not the host (:mod:`rebound_keys`).
- N5: a setting read leniently is not "required"; a setting read only by a
  guard left for a person (the tests setting it with override_settings) is
  that guard's.
- tree_leftovers reports the original file's lines, not the migrated text's.
"""

from __future__ import annotations

from hapimigrate.model import Kind, Status
from tests.trees import behaves, key_sites, left_alone, migrated, tree

# -- N1: a params-dict URL builder -------------------------------------------

BUILDER = """\
import os
from urllib.parse import urlencode

import requests

BASE = "https://api.hubapi.com"
API_KEY = os.environ["HUBSPOT_API_KEY"]


def build_url(path, api_key, **params):
    params["hapikey"] = api_key
    return BASE + path + "?" + urlencode(params)


def all_contacts(offset=0):
    r = requests.get(build_url("/contacts/v1/lists/all/contacts/all", API_KEY, count=100, vidOffset=offset))
    r.raise_for_status()
    return r.json()


def owners():
    return requests.get(build_url("/crm/v3/owners", API_KEY)).json()
"""


def test_a_params_dict_builder_given_the_configured_key_migrates(tmp_path):
    result = tree(tmp_path, {"sync.py": BUILDER})["sync.py"]
    text = migrated(result)
    assert 'params["hapikey"]' not in text
    assert "API_KEY = " not in text
    assert (
        text.count('"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]')
        == 2
    )
    [site] = key_sites(result)
    assert "which every call in this module gives the configured key" in site.reason


def test_a_params_dict_builder_behaves_as_before(tmp_path):
    project = {"src/sync.py": BUILDER} | {
        "scenario.py": (
            '"""A URL builder filling a params dict."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_contacts(credential):\n"
            "    import sync\n\n"
            "    sync.all_contacts(5)\n\n\n"
            "def case_owners(credential):\n"
            "    import sync\n\n"
            "    sync.owners()\n"
        )
    }
    behaves(tmp_path / "builder", project, manual=0)


def test_a_params_dict_builder_given_a_tenants_key_stays(tmp_path):
    source = BUILDER + (
        "\n\ndef tenant_owners(tenant):\n"
        '    return requests.get(build_url("/crm/v3/owners", tenant.hubspot_key)).json()\n'
    )
    left_alone(tree(tmp_path, {"sync.py": source})["sync.py"])


def test_a_params_dict_builder_given_two_keys_stays(tmp_path):
    source = BUILDER + (
        '\nEU_KEY = os.environ["HUBSPOT_EU_API_KEY"]\n\n\n'
        "def eu_owners():\n"
        '    return requests.get(build_url("/crm/v3/owners", EU_KEY)).json()\n'
    )
    left_alone(tree(tmp_path, {"sync.py": source})["sync.py"], "several keys")


def test_a_params_dict_builder_another_module_hands_a_tenants_key_stays(tmp_path):
    tenants = (
        "import requests\n\nfrom sync import build_url\n\n\n"
        "def tenant_owners(tenant):\n"
        '    return requests.get(build_url("/crm/v3/owners", tenant.hubspot_key)).json()\n'
    )
    results = tree(tmp_path, {"sync.py": BUILDER, "tenants.py": tenants})
    left_alone(results["sync.py"], "tenants.py")
    assert not results["tenants.py"].changed


# -- N2: % arguments bound to a local tuple ----------------------------------

PERCENT = """\
import os

import requests

BASE = "https://api.hubapi.com"
CONTACT = "/contacts/v1/contact/vid/%s/profile"
KEY_QS = "?hapikey=%s&propertyMode=%s"
API_KEY = os.environ["HUBSPOT_API_KEY"]


def contact_history(vid):
    args = (vid, API_KEY, "value_and_history")
    return requests.get((BASE + CONTACT + KEY_QS) % args).json()


def contact(vid):
    return requests.get((BASE + CONTACT + KEY_QS) % (vid, API_KEY, "value_only")).json()
"""
BOUND = """\
    args = (vid, API_KEY, "value_and_history")
    return requests.get((BASE + CONTACT + KEY_QS) % args).json()"""


def test_percent_arguments_bound_to_a_local_tuple_lose_the_key(tmp_path):
    text = migrated(tree(tmp_path, {"sync.py": PERCENT})["sync.py"])
    assert 'args = (vid, "value_and_history")' in text
    assert '% (vid, "value_only")' in text
    assert 'KEY_QS = "?propertyMode=%s"' in text
    assert "API_KEY" not in text


def test_percent_arguments_bound_to_a_local_tuple_behave_as_before(tmp_path):
    project = {"src/sync.py": PERCENT} | {
        "scenario.py": (
            '"""A % template whose arguments are a local tuple."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_history(credential):\n"
            "    import sync\n\n"
            "    sync.contact_history(7)\n\n\n"
            "def case_contact(credential):\n"
            "    import sync\n\n"
            "    sync.contact(7)\n"
        )
    }
    behaves(tmp_path / "percent", project, manual=0)


def _percent_left(tmp_path, bound: str, *words: str) -> None:
    source = PERCENT.replace(BOUND, bound)
    assert source != PERCENT
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    left_alone(result, *words)
    assert "do not match the template" not in key_sites(result)[0].reason


def test_percent_arguments_read_elsewhere_too_stay(tmp_path):
    bound = BOUND.replace("\n", "\n    print(args)\n", 1)
    _percent_left(tmp_path, bound, "takes its arguments from args")


def test_percent_arguments_bound_twice_stay(tmp_path):
    bound = BOUND.replace(
        "\n", '\n    if vid > 10:\n        args = (vid, API_KEY, "value_only")\n', 1
    )
    _percent_left(tmp_path, bound, "takes its arguments from args")


def test_percent_arguments_made_by_a_call_stay(tmp_path):
    bound = BOUND.replace(
        '(vid, API_KEY, "value_and_history")',
        'tuple([vid, API_KEY, "value_and_history"])',
    )
    _percent_left(tmp_path, bound, "takes its arguments from args")


def test_percent_arguments_read_by_a_nested_function_stay(tmp_path):
    bound = (
        '    args = (vid, API_KEY, "value_and_history")\n'
        "    def go():\n"
        "        return requests.get((BASE + CONTACT + KEY_QS) % args).json()\n"
        "    return go(), args"
    )
    _percent_left(tmp_path, bound, "takes its arguments from args")


def test_percent_arguments_of_a_parameter_stay(tmp_path):
    source = PERCENT.replace("def contact_history(vid):", "def contact_history(args):")
    source = source.replace('    args = (vid, API_KEY, "value_and_history")\n', "")
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert not result.changed
    reasons = " ".join(s.reason for s in key_sites(result))
    assert "do not match the template" not in reasons


# -- N4: a key global rebound by configure() ---------------------------------

CONFIGURED = """\
import os

import requests

BASE = "https://api.hubapi.com"
API_KEY = os.environ.get("HUBSPOT_API_KEY")


def configure(api_key):
    global API_KEY
    API_KEY = api_key


def owners():
    return requests.get(BASE + "/crm/v3/owners?hapikey=" + API_KEY).json()
"""


def test_a_rebound_key_is_said_to_choose_the_credential(tmp_path):
    result = tree(tmp_path, {"sync.py": CONFIGURED})["sync.py"]
    left_alone(result, "sends API_KEY as its key", "each caller of configure()")
    assert "wherever it then points" not in key_sites(result)[0].reason


def test_a_key_rebound_through_a_builder_is_said_to_choose_the_credential(tmp_path):
    api = (
        "import os\n\nimport requests\n\n"
        'HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")\n'
        'BASE = "https://api.hubapi.com"\n\n\n'
        "def configure(api_key):\n    global HUBSPOT_API_KEY\n"
        "    HUBSPOT_API_KEY = api_key\n\n\n"
        "def authed_url(endpoint, api_key):\n"
        '    return BASE + endpoint + "?hapikey=" + api_key\n\n\n'
        "def deals():\n"
        '    return requests.get(authed_url("/deals/v1/deal/paged", HUBSPOT_API_KEY)).json()\n'
    )
    result = tree(tmp_path, {"api.py": api})["api.py"]
    left_alone(result, "sends HUBSPOT_API_KEY as its key")


def test_a_key_rebound_through_the_namespace_is_said_to_choose_the_credential(
    tmp_path,
):
    source = CONFIGURED.replace(
        "    global API_KEY\n    API_KEY = api_key\n",
        '    globals()["API_KEY"] = api_key\n',
    ).replace(
        'BASE + "/crm/v3/owners?hapikey=" + API_KEY',
        '"%s/crm/v3/owners?limit=%s&hapikey=%s" % (BASE, 10, API_KEY)',
    )
    left_alone(
        tree(tmp_path, {"sync.py": source})["sync.py"], "sends API_KEY as its key"
    )


def test_a_rebound_base_url_still_says_where_the_token_would_go(tmp_path):
    source = CONFIGURED.replace(
        "def configure(api_key):\n    global API_KEY\n    API_KEY = api_key\n",
        "def configure(api_key, base):\n    global API_KEY, BASE\n"
        "    API_KEY = api_key\n    BASE = base\n",
    )
    left_alone(
        tree(tmp_path, {"sync.py": source})["sync.py"],
        "reads BASE",
        "wherever it then points",
    )


# -- N5: settings read leniently ----------------------------------------------

DJANGO = {
    "mysite/__init__.py": "",
    "mysite/settings.py": (
        'import os\n\nSECRET_KEY = "dev"\nINSTALLED_APPS = ["crm"]\n'
        'HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")\n'
    ),
    "crm/__init__.py": "",
    "crm/hubspot.py": (
        "import logging\nfrom urllib.parse import quote\n\nimport requests\n"
        "from django.conf import settings\n\nlogger = logging.getLogger(__name__)\n\n"
        'URL = "https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/%s/?hapikey=%s"\n'
        "\n\ndef sync_contact(email, first_name):\n"
        "    if not settings.HUBSPOT_API_KEY:\n"
        '        logger.info("HubSpot sync disabled")\n        return None\n'
        "    key = quote(settings.HUBSPOT_API_KEY)\n"
        '    body = {"properties": [{"property": "firstname", "value": first_name}]}\n'
        "    return requests.post(URL % (email, key), json=body, timeout=10)\n"
    ),
    "crm/tests/__init__.py": "",
    "crm/tests/test_hubspot.py": (
        "from unittest import mock\n\n"
        "from django.test import SimpleTestCase, override_settings\n\n"
        "from crm import hubspot\n\n\nclass SyncTests(SimpleTestCase):\n"
        "    @override_settings(HUBSPOT_API_KEY=None)\n"
        '    @mock.patch("crm.hubspot.requests.post")\n'
        "    def test_disabled_without_key(self, post):\n"
        '        self.assertIsNone(hubspot.sync_contact("a@b.c", "A"))\n'
        "        post.assert_not_called()\n"
    ),
}


def _settings_sites(result):
    return [s for s in result.sites if s.kind == Kind.SETTING]


def test_a_lenient_setting_read_only_by_a_guard_left_is_that_guards(tmp_path):
    results = tree(tmp_path, DJANGO)
    guard = [s for s in results["crm/hubspot.py"].sites if s.kind == Kind.GUARD]
    assert guard and guard[0].status == Status.MANUAL
    [setting] = _settings_sites(results["mysite/settings.py"])
    assert setting.line == 5
    assert setting.status == Status.KEPT, setting.reason
    assert f"hubspot.py:{guard[0].line}" in setting.reason
    assert "which still test it" in setting.reason
    assert "stays required" not in setting.reason


def test_a_setting_a_module_still_reads_stays_manual(tmp_path):
    files = dict(DJANGO)
    files["crm/health.py"] = (
        "from django.conf import settings\n\n\ndef configured():\n"
        "    return bool(settings.HUBSPOT_API_KEY)\n"
    )
    results = tree(tmp_path, files)
    [setting] = _settings_sites(results["mysite/settings.py"])
    assert setting.status == Status.MANUAL
    assert "leniently" in setting.reason and "stays required" not in setting.reason


def test_a_test_reading_the_setting_is_a_reader(tmp_path):
    files = dict(DJANGO)
    files["crm/tests/test_url.py"] = (
        "from django.conf import settings\n\n\ndef test_key():\n"
        "    assert settings.HUBSPOT_API_KEY is None\n"
    )
    [setting] = _settings_sites(tree(tmp_path, files)["mysite/settings.py"])
    assert setting.status == Status.MANUAL


STRICT_LEFT = {
    "hs.py": (
        "import os\n\nimport requests\n\n\ndef owners():\n"
        '    return requests.get("https://api.hubapi.com/crm/v3/owners", '
        'params={"hapikey": os.environ["HUBSPOT_API_KEY"]}).json()\n'
    ),
    "config.py": 'import os\n\nPORTAL_KEY = os.environ["HUBSPOT_API_KEY"]\n',
    "health.py": (
        "import config\n\n\ndef configured():\n    return bool(config.PORTAL_KEY)\n"
    ),
}


def test_a_strict_read_left_stays_required(tmp_path):
    results = tree(tmp_path, STRICT_LEFT)
    assert results["hs.py"].changed
    [setting] = _settings_sites(results["config.py"])
    assert setting.status == Status.MANUAL and setting.line == 3
    assert "stays required" in setting.reason


# -- tree_leftovers: the original file's lines -------------------------------

INSERTED = """\
from os import environ

import requests


def owners():
    return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": environ["HUBSPOT_API_KEY"]}).json()


def configured():
    return bool(environ.get("HUBSPOT_API_KEY"))
"""


def test_a_leftover_is_reported_on_the_original_line(tmp_path):
    result = tree(tmp_path, {"hs.py": INSERTED})["hs.py"]
    assert result.new.decode().startswith("import os\n\nfrom os import environ")
    [setting] = _settings_sites(result)
    assert setting.line == 11 and setting.end_line == 11
    assert "leniently" in setting.reason and "stays required" not in setting.reason


def test_the_line_map_pairs_unchanged_lines():
    from hapimigrate.line_origins import line_map

    old = b"a\nb\nc\nd\n"
    new = b"x\ny\na\nB\nc\nd\n"
    mapped = line_map(old, new)
    assert [mapped.original(n) for n in (3, 5, 6)] == [1, 3, 4]
    assert mapped.unchanged(4) is None and mapped.original(4) == 2
    assert mapped.unchanged(1) is None and mapped.original(1) == 1


# -- real samples' reasons (item 6) ------------------------------------------


def _reasons(result) -> str:
    return " ".join(s.reason for s in key_sites(result))


OUTSIDE = """\
from json import dumps

from request_utilities import post_json
from credentials import HUBSPOT_API_KEY

BASE_URL = "https://api.hubapi.com"


def create_company(domain, data):
    url = "{}/companies/v2/domains/{}/companies?hapikey={}".format(BASE_URL, domain, HUBSPOT_API_KEY)
    return post_json(url, dumps(data), {"Content-Type": "application/json"})
"""


def test_a_function_of_a_module_not_in_the_tree_is_named(tmp_path):
    result = tree(tmp_path, {"hubspot_functions.py": OUTSIDE})["hubspot_functions.py"]
    left_alone(
        result,
        "the value is passed to post_json(), which hapimigrate does not follow",
        "comes from request_utilities, which is not in this tree",
    )


def test_a_function_of_a_module_in_the_tree_is_not_called_outside(tmp_path):
    helper = (
        "import requests\n\n\ndef post_json(url, body, headers):\n"
        "    requests.post(url, data=body, headers=headers)\n"
        "    return requests.get('https://example.com/log', params={'u': url})\n"
    )
    results = tree(
        tmp_path, {"hubspot_functions.py": OUTSIDE, "request_utilities.py": helper}
    )
    assert "not in this tree" not in _reasons(results["hubspot_functions.py"])


def test_a_standard_library_function_is_not_called_outside(tmp_path):
    source = (
        "import os\nimport textwrap\n\nimport requests\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\ndef owners():\n'
        '    url = textwrap.dedent("https://api.hubapi.com/crm/v3/owners?hapikey=" + KEY)\n'
        "    return requests.get(url).json()\n"
    )
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    assert "not in this tree" not in _reasons(result)


HOOK = """\
from airflow.hooks.http_hook import HttpHook


class HubspotHook(HttpHook):
    def __init__(self, hubspot_conn_id):
        super().__init__(method="GET", http_conn_id=hubspot_conn_id)

    def run(self, endpoint, data=None, headers=None):
        conn = self.get_connection(self.http_conn_id)
        data["hapikey"] = conn.extra_dejson.get("hapikey")
        return super().run(endpoint, data, headers)
"""


def test_a_base_class_method_of_another_package_is_named(tmp_path):
    result = tree(tmp_path, {"hubspot_hook.py": HOOK})["hubspot_hook.py"]
    left_alone(result, "super().run(), of HttpHook, comes from airflow.hooks.http_hook")


def test_format_map_is_named_with_its_line(tmp_path):
    source = (
        "import os\n\nimport requests\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n'
        'TEMPLATE = "https://api.hubapi.com/email/public/v1/events?hapikey={key}&offset={offset}"\n\n\n'
        "def events(fields):\n"
        "    url = TEMPLATE.format_map(fields)\n"
        "    return requests.get(url).json()\n"
    )
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    left_alone(result, "the value's .format_map() is called (line 10)")


CONFIG = """\
import os


class Config(object):
    HAPIKEY = os.environ.get("HAPIKEY_MAIN")
    HAPIKEY_SAND = os.environ.get("HAPIKEY_SAND")
    WORKFLOWS_API = "https://api.hubapi.com/automation/v3/workflows/"

    @staticmethod
    def generate_auth(hapikey):
        return {"hapikey": hapikey}
"""
WORKFLOWS = """\
import requests
from config import Config


def get_all_workflows(hapikey):
    return requests.get(Config.WORKFLOWS_API, params=Config.generate_auth(hapikey)).json()


def copy(flow):
    return requests.post(Config.WORKFLOWS_API, json=flow, params=Config.generate_auth(Config.HAPIKEY_SAND))
"""


def test_a_keyed_return_other_modules_call_names_them(tmp_path):
    results = tree(tmp_path, {"config.py": CONFIG, "workflows.py": WORKFLOWS})
    left_alone(
        results["config.py"],
        "which nothing in this module calls; other modules call it "
        "(workflows.py:6, workflows.py:10)",
    )


def test_a_keyed_return_nobody_calls_keeps_its_reason(tmp_path):
    result = tree(tmp_path, {"config.py": CONFIG})["config.py"]
    assert "other modules call it" not in _reasons(result)


STARRED = """\
import requests


class Hubspot:
    def __init__(self, api_key):
        self.params = {"hapikey": api_key, "limit": 100}

    def contacts(self):
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params=self.params).json()


def main(config):
    client = Hubspot(**config["Resources"]["hubspot"])
    return client.contacts()
"""


def test_a_caller_unpacking_its_arguments_is_named(tmp_path):
    result = tree(tmp_path, {"hubspot_sync.py": STARRED})["hubspot_sync.py"]
    left_alone(
        result,
        "a caller passes its arguments with * or ** (line 13: "
        'Hubspot(**config["Resources"]["hubspot"]))',
        "what it gives as api_key cannot be seen",
    )


COPIER = """\
import requests

from config import hapikey_origin, hapikey_target


def url_wf(workflow_id, hapikey):
    return "https://api.hubapi.com/automation/v3/workflows/" + str(workflow_id) + "?hapikey=" + hapikey


def url_create_wf(hapikey):
    return "https://api.hubapi.com/automation/v3/workflows?hapikey=" + hapikey


def process_workflow(workflow_id, hapikey_origin=hapikey_origin, hapikey_target=hapikey_target):
    workflow = requests.get(url_wf(str(workflow_id), hapikey_origin)).json()
    return requests.post(url_create_wf(hapikey_target), json=workflow)
"""


def test_a_url_builder_handed_its_key_is_not_said_to_add_one(tmp_path):
    files = {
        "wf_copier.py": COPIER,
        "config.py": "hapikey_origin = 'a'\nhapikey_target = 'b'\n",
    }
    result = tree(tmp_path, files)["wf_copier.py"]
    assert not result.changed
    reasons = _reasons(result)
    assert "adds the key to what its callers hand in" not in reasons, reasons


def test_a_url_builder_given_its_key_by_a_helper_stays_the_callers(tmp_path):
    source = (
        "import os\n\nimport requests\n\n"
        'BASE = "https://api.hubapi.com"\nAPI_KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
        "def url_wf(workflow_id, hapikey):\n"
        '    return BASE + "/automation/v3/workflows/" + str(workflow_id) + "?hapikey=" + hapikey\n\n\n'
        "def get_wf(workflow_id, hapikey):\n"
        "    return requests.get(url_wf(workflow_id, hapikey)).json()\n"
    )
    result = tree(tmp_path, {"wf.py": source})["wf.py"]
    left_alone(result, "the key comes from the caller (hapikey of url_wf())")


ROUTES = """\
from os import getenv

import hubspot
from fastapi import FastAPI

app = FastAPI()
API_KEY = getenv("HUBSPOT_API_KEY")


@app.get("/contacts")
async def read_contacts(api_key: str = API_KEY):
    client = hubspot.Client.create(api_key=api_key)
    return client.crm.contacts.basic_api.get_page(limit=50)


@app.post("/contacts")
async def create_contact(api_key: str = API_KEY):
    pass
"""


def test_a_lenient_key_kept_as_a_default_is_not_required(tmp_path):
    result = tree(tmp_path, {"main.py": ROUTES})["main.py"]
    [setting] = _settings_sites(result)
    assert "the default of its parameter api_key" in setting.reason
    assert "read leniently" in setting.reason
    assert "stays required" not in setting.reason


POSITIONAL = """\
import httplib
import json
import os

API_KEY = os.environ["HUBSPOT_API_KEY"]


def post(blog, body):
    headers = {"Content-type": "application/json"}
    conn = httplib.HTTPSConnection("api.hubapi.com")
    conn.request("POST", "/blog/v1/%s/posts.json?hapikey=%s" % (blog, API_KEY), json.dumps(body), headers)
    return conn.getresponse().status
"""


def test_headers_given_positionally_are_named(tmp_path):
    result = tree(tmp_path, {"migrate.py": POSITIONAL})["migrate.py"]
    left_alone(
        result, "the request may get its headers positionally (headers, argument 4)"
    )


MIXED = {
    "leads/__init__.py": "",
    "leads/config.py": (
        "import os\n\n\nclass Config:\n"
        '    HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")\n'
    ),
    "leads/hs.py": (
        "import requests\n\nfrom leads.config import Config\n\n"
        'DEFAULTS = {"timeout": 15}\n\n\n'
        "def hubspot_call(method, path, api_key=None, **kwargs):\n"
        "    options = {**DEFAULTS, **kwargs}\n"
        '    params = dict(options.pop("params", None) or {}, hapikey=api_key or Config.HUBSPOT_API_KEY)\n'
        '    return requests.request(method, "https://api.hubapi.com" + path, params=params, **options)\n'
        "\n\ndef owners():\n"
        '    return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": Config.HUBSPOT_API_KEY}).json()\n'
    ),
}


def test_a_setting_read_by_a_guard_and_a_send_on_one_line_says_both(tmp_path):
    results = tree(tmp_path, MIXED)
    on_line = {s.kind for s in results["leads/hs.py"].sites if s.line == 10}
    assert Kind.GUARD in on_line and Kind.PARAMS in on_line, on_line
    [setting] = _settings_sites(results["leads/config.py"])
    assert setting.status == Status.KEPT
    assert "(hs.py:10), which still send the key or test it" in setting.reason
