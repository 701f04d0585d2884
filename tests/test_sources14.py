"""A key read out of a structured configuration file at run time
(``keys = json.load(f)`` then ``keys["hubspot"]``, ``json.loads(f.read())``,
``yaml.safe_load(f)``) is given at run time, as a key read as text from a file
is: the program sends what the file's field holds, a token once it holds one,
so the key stays where it is read and goes as the Bearer token. It was
"hapimigrate cannot tell where the key's value comes from (a table, a file, a
call)" (real sample 4's group (b)2). Near-misses stay manual: a file of
portals looped over, a key per customer, a file named per call, the value also
checked for length or logged, a host read from the same file."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

# real sample 4's sync_hotspots.py, cut down: three services' keys in one file
HOTSPOTS = """\
import json
import requests

with open("apiKeys.json") as f:
    apis = json.loads(f.read())
    api_key_hubSpot = apis["hubspot"]
    api_key_mapbox = apis["mapbox"]


def getHostingStage():
    url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/recent?hapikey=" + api_key_hubSpot + "&count=500"
    return requests.request("GET", url).json()


def getSignupDetails(formId):
    resp = requests.get("https://api.hubapi.com/form-integrations/v1/submissions/forms/" + formId + "?hapikey=" + api_key_hubSpot)
    return resp.json()


def geocode(address):
    return requests.get("https://api.mapbox.com/geocoding/v5/mapbox.places/" + address + ".json?access_token=" + api_key_mapbox).json()


with open("checkpoint.txt", "w+") as f:
    f.write("")
"""


def _sites(tmp_path, source, name="sync.py"):
    result = tree(tmp_path, {name: source})[name]
    return result, key_sites(result)


def test_a_key_in_a_json_file_of_several_services_keys_is_sent_as_the_token(tmp_path):
    result, sites = _sites(tmp_path, HOTSPOTS)
    assert [s.status for s in sites] == [Status.REWRITE, Status.REWRITE]
    assert all('apiKeys.json\'s "hubspot"' in s.reason for s in sites)
    assert all("access token" in s.reason for s in sites)
    text = result.new.decode()
    assert "hapikey" not in text
    assert text.count('"Authorization": "Bearer " + api_key_hubSpot') == 2
    assert "apis = json.loads(f.read())" in text  # still read from the file
    assert 'access_token=" + api_key_mapbox' in text  # the other service's key


CONFIG_JSON = """\
import json
import requests

with open('config.json', 'r') as file:
    data = file.read()
config = json.loads(data)
apikey = config['apikey']


def update(vid, properties):
    querystring = {"hapikey": apikey}
    url = "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile" % vid
    return requests.post(url, json=properties, params=querystring)
"""


def test_a_key_of_a_json_text_read_first_is_sent_as_the_token(tmp_path):
    result, [site] = _sites(tmp_path, CONFIG_JSON)
    assert site.status == Status.REWRITE
    assert 'config.json\'s "apikey"' in site.reason
    text = result.new.decode()
    assert '"hapikey"' not in text
    assert '"Authorization": "Bearer " + apikey' in text


def test_a_yaml_field_read_by_a_function_of_a_built_path(tmp_path):
    source = """\
    import os
    import requests
    import yaml

    HERE = os.path.dirname(os.path.abspath(__file__))


    def hubspot_key():
        with open(os.path.join(HERE, "settings.yaml")) as handle:
            return yaml.safe_load(handle)["hubspot"].get("api_key")


    def contacts():
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": hubspot_key()})


    def deals():
        key = hubspot_key()
        return requests.get("https://api.hubapi.com/crm/v3/objects/deals?hapikey=" + key)
    """
    result, sites = _sites(tmp_path, source)
    assert [s.status for s in sites] == [Status.REWRITE, Status.REWRITE]
    assert all('"hubspot"/"api_key"' in s.reason for s in sites)
    assert "hapikey" not in result.new.decode()


def test_a_host_read_from_the_same_file_stays_manual(tmp_path):
    # RestOC-like {"domain": ..., "key": ...}: a sandbox's or a proxy's host?
    source = """\
    import json
    import requests

    with open("config.json") as f:
        config = json.load(f)

    HOST = config["hubspot"]["domain"]
    KEY = config["hubspot"]["key"]


    def contacts():
        return requests.get(f"https://{HOST}/crm/v3/objects/contacts", params={"hapikey": KEY})
    """
    result, [site] = _sites(tmp_path, source)
    assert site.status == Status.MANUAL
    assert "host is not written in the code" in site.reason
    assert result.new is None


def test_a_url_handed_in_by_a_caller_stays_manual(tmp_path):
    source = CONFIG_JSON.replace(
        "def update(vid, properties):", "def update(url, properties):"
    ).replace(
        '    url = "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile" % vid\n',
        "",
    )
    result, [site] = _sites(tmp_path, source)
    assert site.status == Status.MANUAL
    assert result.new is None


def test_a_file_of_portals_looped_over_stays_manual(tmp_path):
    source = """\
    import json
    import requests

    with open("portals.json") as f:
        portals = json.load(f)


    def sync_all():
        for name, key in portals.items():
            requests.get("https://api.hubapi.com/crm/v3/objects/contacts?hapikey=" + key)
        for portal in portals["list"]:
            requests.get("https://api.hubapi.com/crm/v3/objects/deals", params={"hapikey": portal["api_key"]})
    """
    result, sites = _sites(tmp_path, source)
    assert {s.status for s in sites} == {Status.MANUAL}
    assert result.new is None


def test_a_key_per_customer_or_a_file_named_per_call_stays_manual(tmp_path):
    source = """\
    import json
    import requests

    with open("customers.json") as f:
        customers = json.load(f)


    def contacts(customer_id):
        key = customers[customer_id]["hubspot_key"]
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": key})


    def load(path):
        with open(path) as handle:
            return json.load(handle)


    def deals(path):
        key = load(path)["hubspot"]
        return requests.get("https://api.hubapi.com/crm/v3/objects/deals", params={"hapikey": key})


    def owners(customer):
        with open(f"{customer}.json") as handle:
            key = json.load(handle)["hubspot"]
        return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": key})
    """
    result, sites = _sites(tmp_path, source)
    assert [s.status for s in sites] == [Status.MANUAL] * 3
    assert result.new is None


def test_one_of_two_fields_chosen_at_run_time_stays_manual(tmp_path):
    source = """\
    import json
    import os
    import requests

    with open("keys.json") as f:
        keys = json.load(f)


    def contacts():
        key = keys["prod"] if os.environ.get("LIVE") else keys["sandbox"]
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": key})
    """
    result, [site] = _sites(tmp_path, source)
    assert site.status == Status.MANUAL
    assert result.new is None


def test_a_key_also_checked_for_length_or_logged_stays_manual(tmp_path):
    checked = """\
    import json
    import requests

    with open("config.json") as f:
        config = json.load(f)

    KEY = config["hubspot_key"]
    if len(KEY) != 36:
        raise SystemExit("not a HubSpot key")


    def contacts():
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": KEY})
    """
    result, [site] = _sites(tmp_path / "checked", checked)
    assert site.status == Status.MANUAL
    assert "line 8 (handed to len())" in site.reason
    logged = checked.replace(
        'if len(KEY) != 36:\n        raise SystemExit("not a HubSpot key")',
        'logging.info("config: %s", config)',
    ).replace("import json\n", "import json\n    import logging\n")
    result, [site] = _sites(tmp_path / "logged", logged)
    assert site.status == Status.MANUAL
    assert "also read at line" in site.reason
    other_host = checked.replace(
        'if len(KEY) != 36:\n        raise SystemExit("not a HubSpot key")',
        'requests.get("https://example.com/api", params={"key": config["hubspot_key"]})',
    )
    result, [site, *_] = _sites(tmp_path / "other", other_host)
    assert site.status == Status.MANUAL


def test_a_key_read_as_text_also_checked_for_length_stays_manual(tmp_path):
    # the text file of the last round had no such check
    source = """\
    import requests

    with open("key.txt") as f:
        key = f.read().strip()

    if len(key) != 36:
        raise SystemExit("bad key")


    def recent():
        return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": key})
    """
    result, [site] = _sites(tmp_path, source)
    assert site.status == Status.MANUAL
    assert "handed to len()" in site.reason


def test_a_json_file_key_behaves(tmp_path):
    files = {
        "src/sync.py": HOTSPOTS.replace(
            'with open("checkpoint.txt", "w+") as f:\n    f.write("")\n', ""
        ),
        "scenario.py": (
            '"""A script reading three services\' keys from a JSON file."""\n'
            "ENV = {}\n\n\n"
            "def case_main(credential, tmp_path=None):\n"
            "    import json, os, sys, tempfile\n\n"
            "    folder = tempfile.mkdtemp()\n"
            '    with open(os.path.join(folder, "apiKeys.json"), "w") as out:\n'
            '        json.dump({"hubspot": credential("main"), "mapbox": "pk.x"}, out)\n'
            "    os.chdir(folder)\n"
            '    sys.modules.pop("sync", None)\n'
            "    import sync\n\n"
            "    sync.getHostingStage()\n"
            '    sync.getSignupDetails("5838c04f")\n'
        ),
    }
    behaves(tmp_path / "json_key", files, manual=0)


def test_a_file_key_handed_to_a_function_and_also_logged_stays_manual(tmp_path):
    source = """\
    import json
    import requests

    with open("keys.json") as f:
        KEY = json.load(f)["hubspot"]


    def contacts(key):
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": key})


    contacts(KEY)
    print("using key " + KEY)
    """
    result, [site] = _sites(tmp_path, source)
    assert site.status == Status.MANUAL
    assert "also read at line 13" in site.reason
    assert result.new is None


KEBOOLA = """\
import requests
from keboola import docker

cfg = docker.Config('/data/')
token = cfg.get_parameters()['#token']


def getContacts(token):
    parameters = {'hapikey': token, 'count': 100}
    return requests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all', params=parameters).json()


def getCompanies(token):
    parameters = {'hapikey': token, 'limit': 250}
    return requests.get('https://api.hubapi.com/companies/v2/companies/paged', params=parameters).json()


Companies = getCompanies(token)
Contacts = getContacts(token)
"""


def test_a_keboola_components_token_parameter_stays_where_its_users_put_it(tmp_path):
    # real sample 4: the token was replaced by os.environ[...], which no Keboola
    # job sets; the component's "#token" parameter is where a token goes now
    result, sites = _sites(tmp_path, KEBOOLA, "main.py")
    assert [s.status for s in sites] == [Status.REWRITE, Status.REWRITE]
    text = result.new.decode()
    assert "token = cfg.get_parameters()['#token']" in text
    assert "os.environ" not in text
    assert "getCompanies(token)" in text and "getContacts(token)" in text
    assert text.count('"Authorization": "Bearer " + token') == 2


def test_two_functions_own_reads_of_the_old_variable_both_go(tmp_path):
    # real sample 4's views.py: the second `key = os.getenv(...)` stayed, and
    # was reported as a guard on the old variable
    source = """\
    import os
    import requests


    def get_contact_data(object_id):
        key = os.getenv('HUBSPOT_KEY')
        url = f"https://api.hubapi.com/contacts/v1/contact/vid/{object_id}/profile?hapikey={key}"
        return requests.get(url=url).json()


    def get_rate_by_email(email):
        key = os.getenv('HUBSPOT_KEY')
        url = f"https://api.hubapi.com/contacts/v1/contact/email/{email}/profile?hapikey={key}&property=candidate_rate"
        return requests.get(url=url).json()


    def check():
        if "HUBSPOT_KEY" in os.environ:
            return True
    """
    result, sites = _sites(tmp_path, source, "views.py")
    assert [(s.kind.value, s.status) for s in result.sites if s.kind.value != "call"][
        :2
    ] == [("url", Status.REWRITE), ("url", Status.REWRITE)]
    guards = [s for s in result.sites if s.kind.value == "guard"]
    assert [s.line for s in guards] == [18]  # the real test of the variable only
    text = result.new.decode()
    assert "HUBSPOT_KEY')" not in text


def test_a_key_file_named_per_call_stays_manual(tmp_path):
    # one file per portal or customer: not the one file a person fills
    source = """\
    import requests


    def owners(portal):
        with open(f"keys/{portal}.txt") as handle:
            key = handle.read().strip()
        return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": key})
    """
    result, [site] = _sites(tmp_path, source)
    assert site.status == Status.MANUAL
    assert result.new is None


def test_a_variable_name_read_from_a_file_is_not_the_key_given_at_run_time(tmp_path):
    # blind3 sdk_etl_with_notebook: settings.json names the environment variable
    source = """\
    import json
    import os
    import requests

    with open("settings.json") as f:
        SETTINGS = json.load(f)


    def contacts():
        key = os.environ[SETTINGS["hubspot"]["api_key_env"]]
        return requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": key})
    """
    result, [site] = _sites(tmp_path, source)
    assert site.status == Status.MANUAL
    assert "read at run time" not in site.reason
