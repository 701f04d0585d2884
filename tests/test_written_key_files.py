"""A key file the program writes itself (review 22, R8): a ``configure`` step
that checks the key's format and dumps it to ``hubcli.json``. The reader's
value is then not simply what a person puts in the file: the site stays
manual, where a file only read is given at run time (sent as the token)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

HUBCLI = """\
import json
import re
import sys

import requests

CONFIG_PATH = "hubcli.json"
KEY_FORMAT = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def configure():
    key = input("Your portal's API key: ").strip()
    if not KEY_FORMAT.match(key):
        sys.exit("that does not look like a portal API key")
    with open(CONFIG_PATH, "w") as handle:
        json.dump({"api_key": key}, handle)


def contacts():
    with open(CONFIG_PATH) as handle:
        config = json.load(handle)
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": config["api_key"], "count": 100},
    ).json()


if __name__ == "__main__":
    if sys.argv[1:] == ["configure"]:
        configure()
    else:
        print(len(contacts()["contacts"]))
"""


def test_a_file_the_program_writes_keeps_its_reader_manual(tmp_path):
    result = tree(tmp_path, {"hubcli.py": HUBCLI})["hubcli.py"]
    assert [s.status for s in key_sites(result)] == [Status.MANUAL]
    assert not result.changed


def test_a_file_only_read_is_given_at_run_time(tmp_path):
    source = (
        HUBCLI.split("def configure():")[0]
        + "def contacts():"
        + HUBCLI.split("def contacts():")[1].split("if __name__")[0]
    )
    result = tree(tmp_path, {"hubcli.py": source})["hubcli.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]


# -- review 22, R6: the file's value returned to another module ---------------

HS = """\
import json

import requests


def api_key():
    with open("config.json") as handle:
        return json.load(handle)["hubspot"]["api_key"]


def contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": api_key(), "count": 100},
    ).json()
"""
DOCTOR = """\
import sys

from hs import api_key, contacts

if __name__ == "__main__":
    if len(api_key()) != 36:
        sys.exit("config.json: hubspot.api_key must be the portal's API key")
    print(len(contacts()["contacts"]))
"""


def test_a_key_function_another_module_checks_keeps_the_site(tmp_path):
    results = tree(tmp_path, {"hs.py": HS, "doctor.py": DOCTOR})
    assert [s.status for s in key_sites(results["hs.py"])] == [Status.MANUAL]
    assert not results["hs.py"].changed


def test_a_key_function_only_its_module_reads_is_given_at_run_time(tmp_path):
    results = tree(tmp_path, {"hs.py": HS})
    assert [s.status for s in key_sites(results["hs.py"])] == [Status.REWRITE]


def test_a_dotenv_file_read_into_a_dict_stays_the_keys_source(tmp_path):
    # review 22, R7: dotenv_values(".env") does not fill os.environ; the env
    # token would be read from nowhere in a deployment configured by .env
    source = (
        "import requests\nfrom dotenv import dotenv_values\n\n"
        'env = dotenv_values(".env")\nkey = env["HAPIKEY"]\n\n\n'
        "def contacts():\n    return requests.get(\n"
        '        "https://api.hubapi.com/crm/v3/objects/contacts",\n'
        '        params={"hapikey": key},\n    ).json()\n'
    )
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE]
    new = result.new.decode()
    assert '"Bearer " + key' in new and "HUBSPOT_ACCESS_TOKEN" not in new
