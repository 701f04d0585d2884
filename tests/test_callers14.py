"""URLs handed in by callers, and verbs chosen by a conditional (round 14).

A helper adding the key to whatever URL its callers give it migrates when every
caller's URL is proven a HubSpot API URL: a literal of another module of the
tree (``from config import list_url``, Django's ``settings.X`` with the tree's
``settings.py``; not an environment read, whatever its default). Where the
tree does not hold the value, the reason says where it comes from. A request
whose verb a conditional chooses among ``requests``' functions is a request.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, left_alone, migrated, tree

# sample 4's quarantine_list_check.py, cut down: a script whose helpers take
# the URL from the caller, the URLs and the key from a config module
CHECK = """\
import json
import urllib.parse

import requests

from config import apikey as hapikey
from config import list_url
from config import contact_info as contact_info_url

headers = {}


def get_contacts(url, count, offset):
    parameter_dict = {"hapikey": hapikey, "count": count, "vidOffset": offset}
    parameters = urllib.parse.urlencode(parameter_dict)
    r = requests.get(url=url + parameters, headers=headers)
    return json.loads(r.text)


def get_contact_details(url, vid):
    parameter_dict = {"hapikey": hapikey, "includeAssociations": "true"}
    parameters = urllib.parse.urlencode(parameter_dict)
    r = requests.get(url=url + "/" + str(vid) + "/profile?" + parameters, headers=headers)
    return json.loads(r.text)


def main():
    contacts = get_contacts(list_url, 100, 0)
    return [get_contact_details(contact_info_url, c["vid"]) for c in contacts["contacts"]]
"""

CONFIG = """\
apikey = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
smtp_host = "smtp.example.com"
list_url = "https://api.hubapi.com/contacts/v1/lists/7/contacts/all?"
contact_info = "https://api.hubapi.com/contacts/v1/contact/vid"
"""


def test_a_config_module_of_the_tree_settles_the_callers_hosts(tmp_path):
    text = migrated(
        tree(tmp_path, {"check.py": CHECK, "config.py": CONFIG})["check.py"]
    )
    assert "hapikey" not in text
    assert (
        text.count('"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]')
        == 2
    )


def test_without_the_config_module_the_reason_names_it(tmp_path):
    result = tree(tmp_path, {"check.py": CHECK})["check.py"]
    left_alone(
        result,
        "get_contacts() is given list_url at line 28, imported from config (not in "
        "the tree, or not written out there)",
        "get_contact_details() is given contact_info_url",
    )


def test_one_callers_url_of_another_host_keeps_the_helper(tmp_path):
    config = CONFIG.replace(
        "https://api.hubapi.com/contacts/v1/contact/vid",
        "https://crm-mirror.example.com/contacts/v1/contact/vid",
    )
    result = tree(tmp_path, {"check.py": CHECK, "config.py": config})["check.py"]
    sites = {s.line: s for s in key_sites(result)}
    assert sites[21].status == Status.MANUAL  # get_contact_details: the mirror
    assert not result.changed or "crm-mirror" not in result.new.decode()


def test_a_url_from_an_env_var_without_default_stays(tmp_path):
    config = CONFIG.replace(
        'list_url = "https://api.hubapi.com/contacts/v1/lists/7/contacts/all?"',
        'import os\nlist_url = os.environ["LIST_URL"]',
    )
    result = tree(tmp_path, {"check.py": CHECK, "config.py": config})["check.py"]
    sites = {s.line: s for s in key_sites(result)}
    assert sites[14].status == Status.MANUAL, sites[14]


def test_an_env_read_with_a_hubspot_default_settles_nothing(tmp_path):
    # review 22, R9: the deployment sets the variable (an egress proxy?)
    config = CONFIG.replace(
        'list_url = "https://api.hubapi.com/contacts/v1/lists/7/contacts/all?"',
        "import os\n"
        'list_url = os.environ.get("LIST_URL", '
        '"https://api.hubapi.com/contacts/v1/lists/7/contacts/all?")',
    )
    result = tree(tmp_path, {"check.py": CHECK, "config.py": config})["check.py"]
    sites = {s.line: s for s in key_sites(result)}
    assert sites[14].status == Status.MANUAL, sites[14]


def test_a_config_a_star_import_may_change_stays(tmp_path):
    config = "from local_config import *  # noqa\n" + CONFIG
    result = tree(tmp_path, {"check.py": CHECK, "config.py": config})["check.py"]
    left_alone(result, "imported from config (not in the tree, or not written out")


def test_a_caller_handing_an_environment_variable_is_named(tmp_path):
    source = CHECK.replace(
        "get_contacts(list_url, 100, 0)", 'get_contacts(os.environ["LIST_URL"], 100, 0)'
    ).replace("import json\n", "import json\nimport os\n")
    result = tree(tmp_path, {"check.py": source, "config.py": CONFIG})["check.py"]
    sites = {s.line: s for s in key_sites(result)}
    assert sites[15].status == Status.MANUAL
    assert "the environment variable LIST_URL with no default" in sites[15].reason


# sample 4's export_challenge_results.py: a Django command posting to the
# endpoint the settings name
COMMAND = """\
import json

import requests
from django.conf import settings

HUBSPOT_CONTACTS_ENDPOINT = settings.HUBSPOT_CONTACTS_ENDPOINT
HUBSPOT_API_KEY = settings.HUBSPOT_API_KEY


def post_to_hubspot(endpoint, student, properties):
    url = "%s/email/%s/profile?hapikey=%s" % (endpoint, student, HUBSPOT_API_KEY)
    data = json.dumps({"properties": properties})
    return requests.post(data=data, url=url, headers={"Content-Type": "application/json"})


def export(results):
    for student, properties in results.items():
        post_to_hubspot(HUBSPOT_CONTACTS_ENDPOINT, student, properties)
"""

SETTINGS = """\
import os

SECRET_KEY = "dev"
HUBSPOT_CONTACTS_ENDPOINT = "https://api.hubapi.com/contacts/v1/contact"
HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
"""

COMMAND_PATH = "challenges/management/commands/export_results.py"


def test_a_django_setting_of_the_tree_settles_the_host(tmp_path):
    files = {COMMAND_PATH: COMMAND, "site/settings.py": SETTINGS}
    text = migrated(tree(tmp_path, files)[COMMAND_PATH])
    assert "hapikey" not in text
    assert '"%s/email/%s/profile" % (endpoint, student)' in text


def test_a_django_setting_not_in_the_tree_is_named(tmp_path):
    result = tree(tmp_path, {COMMAND_PATH: COMMAND})[COMMAND_PATH]
    left_alone(
        result,
        "Django's setting settings.HUBSPOT_CONTACTS_ENDPOINT (no settings module in "
        "the tree writes it out)",
    )


def test_a_django_setting_of_another_host_stays(tmp_path):
    settings = SETTINGS.replace("api.hubapi.com", "crm.example.com")
    files = {COMMAND_PATH: COMMAND, "site/settings.py": settings}
    result = tree(tmp_path, files)[COMMAND_PATH]
    left_alone(result)


def test_a_second_settings_module_naming_the_endpoint_stays(tmp_path):
    files = {
        COMMAND_PATH: COMMAND,
        "site/settings.py": SETTINGS,
        # DJANGO_SETTINGS_MODULE=site.staging may name this one instead
        "site/staging.py": 'HUBSPOT_CONTACTS_ENDPOINT = "https://hubspot-mock.example.com"\n',
    }
    left_alone(tree(tmp_path, files)[COMMAND_PATH])


def test_a_module_extending_the_config_stays(tmp_path):
    files = {
        "check.py": CHECK,
        "config.py": CONFIG,
        "config_local.py": 'from config import *\nlist_url = "http://localhost:9000/?"\n',
    }
    left_alone(tree(tmp_path, files)["check.py"])


# a class client of a package, its URLs in the package's settings module
PACKAGE_CLIENT = """\
import os

import requests

from . import settings

API_KEY = os.environ["HUBSPOT_API_KEY"]


class Client:
    def _get(self, url, **params):
        params["hapikey"] = API_KEY
        return requests.get(url, params=params).json()

    def contact(self, vid):
        return self._get(settings.CONTACTS_URL + "/vid/%s/profile" % vid)

    def deal(self, deal_id):
        return self._get(settings.DEALS_URL + "/" + str(deal_id))
"""
PACKAGE_SETTINGS = """\
CONTACTS_URL = "https://api.hubapi.com/contacts/v1/contact"
DEALS_URL = "https://api.hubapi.com/deals/v1/deal"
"""


def test_a_class_clients_urls_from_its_packages_settings_module(tmp_path):
    files = {
        "crm/__init__.py": "",
        "crm/client.py": PACKAGE_CLIENT,
        "crm/settings.py": PACKAGE_SETTINGS,
    }
    text = migrated(tree(tmp_path, files)["crm/client.py"])
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text


def test_a_settings_url_of_another_host_keeps_the_class_client(tmp_path):
    files = {
        "crm/__init__.py": "",
        "crm/client.py": PACKAGE_CLIENT,
        "crm/settings.py": PACKAGE_SETTINGS.replace(
            "https://api.hubapi.com/deals", "https://deals.example.com/deals"
        ),
    }
    left_alone(tree(tmp_path, files)["crm/client.py"])


# sample 4's ApiRequest.py: the URL comes from a function nothing in the tree calls
def test_a_url_from_outside_the_tree_is_named(tmp_path):
    source = """\
    import os
    import requests

    KEY = os.environ["HUBSPOT_API_KEY"]


    def send(endpoint, payload):
        return requests.post(endpoint, json=payload, params={"hapikey": KEY})


    def send_all(endpoint, payloads):
        return [send(endpoint, p) for p in payloads]
    """
    result = tree(tmp_path, {"api_request.py": source})["api_request.py"]
    left_alone(
        result,
        "send() is given send_all()'s parameter endpoint at line 12, and no call of "
        "send_all() in the tree gives it",
    )


# sample 4's kite-airflow DAG: the verb chosen by a conditional
WRAPPER = """\
import os

import requests


def make_hubspot_request(path, data=None, method=None):
    url = "https://api.hubapi.com/{}?hapikey={}".format(path, os.environ["HUBSPOT_API_KEY"])
    req_fn = CHOOSER
    return req_fn(url, **({"json": data} if data else {}))


def properties():
    return make_hubspot_request("properties/v1/contacts/properties").json()


def create_property(prop):
    return make_hubspot_request("properties/v1/contacts/properties", prop).json()


def update_property(prop):
    return make_hubspot_request(
        "properties/v1/contacts/properties/named/{}".format(prop["name"]), prop, "put"
    ).json()
"""
CHOOSER = (
    "getattr(requests, method) if method else (requests.post if data else requests.get)"
)


def test_a_verb_chosen_by_a_conditional_is_a_request(tmp_path):
    source = WRAPPER.replace("CHOOSER", CHOOSER)
    text = migrated(tree(tmp_path, {"dag.py": source})["dag.py"])
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert (
        'req_fn(url, **({"json": data} if data else {}), headers={"Authorization": '
        '"Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]})' in text
    )


def test_a_conditional_over_a_session_of_unknown_base_stays(tmp_path):
    source = WRAPPER.replace(
        "CHOOSER", "session.post if data else session.get"
    ).replace("import requests\n", "import requests\nfrom vendor import session\n")
    result = tree(tmp_path, {"dag.py": source})["dag.py"]
    left_alone(result)


def test_a_chooser_bound_twice_stays(tmp_path):
    source = WRAPPER.replace(
        "    req_fn = CHOOSER\n",
        "    req_fn = requests.post if data else requests.get\n"
        "    if method:\n        req_fn = vendor_call\n",
    ).replace("import requests\n", "import requests\nfrom vendor import vendor_call\n")
    result = tree(tmp_path, {"dag.py": source})["dag.py"]
    left_alone(result)


def test_kwargs_that_may_hold_headers_still_stop_it(tmp_path):
    source = WRAPPER.replace("CHOOSER", CHOOSER).replace(
        '**({"json": data} if data else {})', "**(data or {})"
    )
    result = tree(tmp_path, {"dag.py": source})["dag.py"]
    left_alone(result, "**kwargs")


def test_written_kwargs_stay_in_python_2_code(tmp_path):
    # headers= would follow **(...): a syntax error in Python 2
    source = WRAPPER.replace("CHOOSER", CHOOSER).replace(
        "    req_fn = ", '    print "calling", url\n    req_fn = '
    )
    result = tree(tmp_path, {"dag.py": source})["dag.py"]
    left_alone(result, "**kwargs")


SCENARIO = '''\
"""A script checking a HubSpot list's contacts, its URLs in a config module;
and a DAG helper choosing the verb by a conditional."""
ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/7/contacts/all",
     "json": {"contacts": [{"vid": 5}], "has-more": False}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/5/profile", "json": {"vid": 5}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties", "json": [{"name": "a"}]},
    {"method": "POST", "url": r"/properties/v1/contacts/properties", "json": {"name": "b"}},
    {"method": "PUT", "url": r"/properties/v1/contacts/properties/named/a", "json": {"name": "a"}},
]


def case_check(credential):
    import check
    assert check.main() == [{"vid": 5}]


def case_dag(credential):
    import dag
    assert dag.properties() == [{"name": "a"}]
    assert dag.create_property({"name": "b"}) == {"name": "b"}
    assert dag.update_property({"name": "a"}) == {"name": "a"}
'''


def test_handed_urls_and_chosen_verbs_behave(tmp_path):
    config = CONFIG.replace(
        'apikey = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"',
        'import os\napikey = os.environ["HUBSPOT_API_KEY"]',
    )
    files = {
        "src/check.py": CHECK,
        "src/config.py": config,
        "src/dag.py": WRAPPER.replace("CHOOSER", CHOOSER),
        "scenario.py": SCENARIO,
    }
    behaves(tmp_path / "project", files, manual=1)  # config.py still reads the key


# sample 4's hubspot_auth.py and connectors/hubspot.py: code that already sends
# the value as Bearer on another path; the hapikey path stays, said precisely
AUTH = """\
import os

import requests

BASE_URL = "https://api.hubapi.com"


def load_hubspot_key():
    for name in ("HUBSPOT_API_KEY", "HUBSPOT_ACCESS_TOKEN"):
        if os.environ.get(name):
            return os.environ[name]
    raise RuntimeError("no HubSpot key")


def is_bearer_token(key):
    return key.startswith("pat-") or not (len(key) == 36 and key.count("-") == 4)


def get_headers():
    key = load_hubspot_key()
    headers = {"Content-Type": "application/json"}
    if is_bearer_token(key):
        headers["Authorization"] = f"Bearer {key}"
    return headers


def get_auth_params():
    key = OTHER_KEY
    if not is_bearer_token(key):
        return {"hapikey": key}
    return {}
"""

USES = """\
import requests

from hubspot_auth import BASE_URL, get_auth_params, get_headers


def contacts():
    return requests.get(
        BASE_URL + "/crm/v3/objects/contacts", headers=get_headers(), params=get_auth_params()
    ).json()
"""


def test_a_token_type_test_beside_a_bearer_branch_is_named(tmp_path):
    auth = AUTH.replace("OTHER_KEY", "load_hubspot_key()")
    result = tree(tmp_path, {"hubspot_auth.py": auth, "uses.py": USES})
    left_alone(
        result["hubspot_auth.py"],
        "the key goes as hapikey only where is_bearer_token(key) (line 29) takes the "
        "value for no token; get_headers() at line 23 sends the same value "
        "(load_hubspot_key()) as a Bearer token otherwise",
    )


def test_a_key_branch_of_another_value_is_not_called_the_same(tmp_path):
    auth = AUTH.replace("OTHER_KEY", 'os.environ["HUBSPOT_PORTAL_KEY"]')
    result = tree(tmp_path, {"hubspot_auth.py": auth, "uses.py": USES})
    sites = key_sites(result["hubspot_auth.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert not any("the same value" in s.reason for s in sites)


CONNECTOR = """\
import httpx

CONTACTS_URL = "https://api.hubapi.com/crm/v3/objects/contacts?limit=1"


class HubSpotConnector:
    def __init__(self, credentials):
        self.credentials = credentials

    def check(self):
        token = self.credentials["token"]
        resp = httpx.get(CONTACTS_URL, headers={"Authorization": f"Bearer {BEARER}"})
        if resp.status_code == 200:
            return "bearer"
        resp = httpx.get(f"{CONTACTS_URL}&hapikey={token}")
        if resp.status_code == 200:
            return "api_key"
        return "unhealthy"
"""


def test_a_hapikey_fallback_after_a_bearer_attempt_is_named(tmp_path):
    source = CONNECTOR.replace("{BEARER}", "{token}")
    result = tree(tmp_path, {"connector.py": source})["connector.py"]
    left_alone(
        result,
        "check() first sends the same value (token) as a Bearer token (line 12) and "
        "tries it as hapikey here when that request fails",
    )


def test_a_fallback_sending_another_value_is_not_called_the_same(tmp_path):
    source = CONNECTOR.replace("{BEARER}", '{self.credentials["oauth"]}')
    result = tree(tmp_path, {"connector.py": source})["connector.py"]
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert not any("the same value" in s.reason for s in sites)
