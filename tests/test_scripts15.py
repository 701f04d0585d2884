"""A script's module-level values (:mod:`hapimigrate.analysis.scripts`): a
module nobody imports that does its work on import reads its key once at the
top (typed at ``input()``, given on ``sys.argv``, read from a file) and sends
it through module-level dicts and URLs. Those are the run's values, not
carriers other modules import: the key is sent as the token as it would be
inside a function. Anything another module may import, a package's
``__init__``, a key per row, two keys, a key also printed or written, stays
manual."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst

from hapimigrate.analysis import scripts
from hapimigrate.fixers.across_modules import SHARED_VALUE
from hapimigrate.model import Status
from tests.trees import key_sites, left_alone, migrated, run_against_standin, tree

# download_contacts.py of sample 5, in short: the key typed at input()
TYPED = """\
import json
import urllib

import requests

hapikey = input("What's your API Key? ")
count = 100
contact_list = []
get_all_contacts_url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?"
parameter_dict = {"hapikey": hapikey, "count": count}
headers = {}

has_more = True
while has_more:
    parameters = urllib.parse.urlencode(parameter_dict)
    get_url = get_all_contacts_url + parameters + "&property=createdate"
    r = requests.get(url=get_url, headers=headers)
    response_dict = json.loads(r.text)
    has_more = response_dict["has-more"]
    contact_list.extend(response_dict["contacts"])
    parameter_dict["vidOffset"] = response_dict["vid-offset"]

print("downloaded", len(contact_list))
"""

# associate_parent_child.py of sample 4: the key a .env field, the URL per row
ENV_FILE = """\
import csv
import requests
from dotenv import dotenv_values

env_config = dotenv_values(".env")
hapikey = env_config["HAPIKEY"]

with open("parentId_childId_map.csv", newline="") as f:
    for row in csv.reader(f):
        data_dict = {"category": "HUBSPOT_DEFINED", "definitionId": 13}
        data_dict["fromObjectId"] = int(row[0])
        data_dict["toObjectId"] = int(row[1])
        url = "https://api.hubapi.com/crm-associations/v1/associations?hapikey=" + str(hapikey)
        r = requests.put(url, data=data_dict)
        if not r:
            print("Association error in " + str(row))
"""

PAGES = """\
URL = "https://api.hubapi.com/crm/v3/objects/deals"
querystring = {"archived": "false", "hapikey": hapikey, "limit": 2}
for page in range(2):
    response = requests.request("GET", URL, params=querystring)
    print(len(response.json()["results"]))
owners_url = "https://api.hubapi.com/owners/v2/owners?hapikey=" + hapikey + "&includeInactive=true"
r = requests.get(url=owners_url)
print(r.status_code)
"""

ARGV = "import sys\n\nimport requests\n\nhapikey = sys.argv[1]\n" + PAGES
KEY_FILE = (
    'import requests\n\nwith open("hubspot_key.txt") as handle:\n'
    "    hapikey = handle.read().strip()\n" + PAGES
)
LITERAL = (
    'import requests\n\nhapikey = "0a1b2c3d-0000-4000-8000-00000000abcd"\n' + PAGES
)
MAIN_BLOCK = """\
import argparse

import requests

URL = "https://api.hubapi.com/crm/v3/objects/deals"


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-key")
    return parser.parse_args()


if __name__ == "__main__":
    args = parse()
    params = {"hapikey": args.api_key, "limit": 10}
    print(requests.get(URL, params=params).status_code)
"""


def _one(tmp_path: Path, name: str, source: str, **others: str):
    return tree(tmp_path, {name: source, **others})[name]


def _no_key_left(text: str) -> None:
    assert "hapikey=" not in text and '"hapikey"' not in text, text


# -- scripts whose key is read at run time: migrated as in a function ------------


def test_a_key_typed_at_input_in_a_script_is_sent_as_the_token(tmp_path):
    result = _one(tmp_path, "download_contacts.py", TYPED)
    text = migrated(result)
    [site] = key_sites(result)
    assert "the command line" in site.reason and "access token" in site.reason
    _no_key_left(text)
    assert 'hapikey = input("What\'s your API Key? ")' in text  # still asked for
    assert 'parameter_dict = {"count": count}' in text
    assert '"Authorization": "Bearer " + hapikey' in text


def test_a_key_from_a_env_file_field_in_a_script_is_sent_as_the_token(tmp_path):
    result = _one(tmp_path, "associate_parent_child.py", ENV_FILE)
    text = migrated(result)
    [site] = key_sites(result)
    assert '.env\'s "HAPIKEY"' in site.reason
    _no_key_left(text)
    assert 'hapikey = env_config["HAPIKEY"]' in text
    assert '"Bearer " + str(hapikey)' in text


def test_a_key_on_the_command_line_of_a_script_is_sent_as_the_token(tmp_path):
    result = _one(tmp_path, "sync_deals.py", ARGV)
    text = migrated(result)
    assert len(key_sites(result)) == 2
    assert all("the command line" in s.reason for s in key_sites(result))
    _no_key_left(text)
    assert "hapikey = sys.argv[1]" in text
    assert '"archived": "false", "limit": 2' in text


def test_a_key_read_from_a_file_by_a_script_is_sent_as_the_token(tmp_path):
    result = _one(tmp_path, "sync_deals.py", KEY_FILE)
    text = migrated(result)
    assert all("a file read at run time" in s.reason for s in key_sites(result))
    _no_key_left(text)
    assert "hapikey = handle.read().strip()" in text


def test_a_script_with_a_main_block_and_argparse_is_a_script(tmp_path):
    text = migrated(_one(tmp_path, "deals_cli.py", MAIN_BLOCK))
    _no_key_left(text)
    assert "args.api_key" in text


def test_a_literal_key_in_a_script_is_replaced_as_before(tmp_path):
    # sample 4's literal-key script: a configured key, a carrier as before
    result = _one(tmp_path, "sync_deals.py", LITERAL)
    requests_sites = [s for s in key_sites(result) if s.line > 3]
    assert [s.status for s in requests_sites] == [Status.REWRITE] * 2
    text = result.new.decode()
    _no_key_left(text)
    assert "0a1b2c3d" not in text
    assert text.count('os.environ["HUBSPOT_ACCESS_TOKEN"]') == 2


# -- near-misses: left as before -------------------------------------------------


def test_a_script_another_module_imports_from_stays_manual(tmp_path):
    reader = (
        "import requests\nfrom download_contacts import parameter_dict\n\n"
        "requests.get('https://api.hubapi.com/deals/v1/deal/paged', "
        "params=parameter_dict)\n"
    )
    result = _one(tmp_path, "download_contacts.py", TYPED, **{"report.py": reader})
    left_alone(result, SHARED_VALUE.format("parameter_dict"))


def test_a_script_star_imported_elsewhere_stays_manual(tmp_path):
    reader = "from download_contacts import *\n\nprint(count)\n"
    result = _one(tmp_path, "download_contacts.py", TYPED, **{"report.py": reader})
    left_alone(result, "other modules may import")


def test_a_script_imported_from_a_package_beside_it_stays_manual(tmp_path):
    reader = "from tools import (\n    other,\n    download_contacts,\n)\n"
    result = _one(
        tmp_path,
        "tools/download_contacts.py",
        TYPED,
        **{"app.py": reader, "tools/other.py": "X = 1\n"},
    )
    left_alone(result, "other modules may import")


def test_a_script_named_as_an_entry_point_stays_manual(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project.scripts]\ndl = "download_contacts:main"\n'
    )
    left_alone(
        _one(tmp_path, "download_contacts.py", TYPED), "other modules may import"
    )


def test_a_package_init_stays_manual(tmp_path):
    left_alone(
        _one(tmp_path, "hubtools/__init__.py", TYPED), "other modules may import"
    )


def test_a_key_read_per_row_of_a_csv_stays_manual(tmp_path):
    source = (
        "import csv\nimport requests\n\n"
        'URL = "https://api.hubapi.com/contacts/v1/contacts"\n'
        'for row in csv.reader(open("portals.csv")):\n'
        "    hapikey = row[1].strip()\n"
        '    params = {"hapikey": hapikey}\n'
        "    requests.get(URL, params=params)\n"
    )
    result = _one(tmp_path, "per_portal.py", source)
    assert result.new is None
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}


def test_two_keys_typed_by_one_script_stay_manual(tmp_path):
    source = (
        "import requests\n\n"
        'source_key = input("source portal key? ")\n'
        'dest_key = input("destination portal key? ")\n'
        'URL = "https://api.hubapi.com/contacts/v1/contacts"\n'
        'read_params = {"hapikey": source_key}\n'
        'write_params = {"hapikey": dest_key}\n'
        "contacts = requests.get(URL, params=read_params).json()\n"
        "requests.post(URL, params=write_params, json=contacts)\n"
    )
    result = _one(tmp_path, "copy_portal.py", source)
    left_alone(result, "the script reads 2 keys at run time (dest_key, source_key)")


def test_a_key_a_script_also_prints_or_writes_stays_manual(tmp_path):
    printed = TYPED.replace(
        "count = 100\n", 'count = 100\nprint("using key", hapikey)\n'
    )
    left_alone(_one(tmp_path / "p", "dl.py", printed), "handed to print()")
    written = TYPED.replace(
        "count = 100\n",
        'count = 100\nwith open("last_key.txt", "w") as out:\n    out.write(hapikey)\n',
    )
    left_alone(_one(tmp_path / "w", "dl.py", written), "out.write()")


def test_an_unstripped_file_read_stays_manual_saying_where_the_key_is_from(tmp_path):
    # won_deals_to_airtable.py of sample 5: file.read() with its last newline
    source = (
        "import requests\n\n"
        'file = open("./hubspot_credentials.txt", "r")\n'
        "contents = file.read()\nhapikey = contents\nfile.close()\n" + PAGES
    )
    result = _one(tmp_path, "won_deals.py", source)
    left_alone(result, "cannot tell where the key's value comes from")


# -- what a script is -------------------------------------------------------------


def _runs(source: str) -> bool:
    return scripts.runs_at_import(cst.parse_module(textwrap.dedent(source)))


def test_what_runs_at_import():
    assert _runs('x = input("key? ")\n')
    assert _runs("import sys\nKEY = sys.argv[1]\n")
    assert _runs('if __name__ == "__main__":\n    pass\n')
    assert _runs("main()\n")
    assert _runs("for i in range(3):\n    pass\n")
    assert _runs('with open("k.txt") as f:\n    KEY = f.read()\n')
    assert _runs(
        'try:\n    r = requests.get("https://x")\nexcept Exception:\n    pass\n'
    )
    # definitions only: a library module
    assert not _runs(
        'import os\nKEY = os.environ["K"]\nPARAMS = {"hapikey": KEY}\n\n'
        "def f():\n    return input()\n\nclass C:\n    x = open\n"
    )
    assert not _runs("handler = lambda: input()\n")


# -- behaviour: the migrated scripts, run with a token --------------------------


def _run_script(tmp_path: Path, name: str, source: str, driver: str) -> list:
    result = _one(tmp_path / "src", name, source)
    text = migrated(result)
    return run_against_standin(tmp_path / "run", {name: text}, driver)


def _every_request_sends_the_token(seen: list, count: int) -> None:
    assert len(seen) == count, seen
    for request in seen:
        assert request.authorization == "Bearer tok-main", request
        assert request.hapikey is None and "hapikey" not in request.raw


def test_migrated_scripts_send_the_token_they_are_given(tmp_path):
    typed = (
        "import builtins, runpy\n"
        "builtins.input = lambda prompt='': 'tok-main'\n"
        "runpy.run_path('download_contacts.py', run_name='__main__')\n"
    )
    # the stand-in's contacts feed says has-more is absent: one page
    paged = TYPED.replace(
        'has_more = response_dict["has-more"]',
        'has_more = response_dict.get("has-more", False)',
    ).replace(
        'parameter_dict["vidOffset"] = response_dict["vid-offset"]',
        'parameter_dict["vidOffset"] = response_dict.get("vid-offset", 0)',
    )
    seen = _run_script(tmp_path / "typed", "download_contacts.py", paged, typed)
    _every_request_sends_the_token(seen, 1)
    assert seen[0].query.get("count") == ["100"]

    argv = (
        "import runpy, sys\nsys.argv = ['sync_deals.py', 'tok-main']\n"
        "runpy.run_path('sync_deals.py', run_name='__main__')\n"
    )
    seen = _run_script(tmp_path / "argv", "sync_deals.py", ARGV, argv)
    _every_request_sends_the_token(seen, 3)
    assert [r.query.get("limit") for r in seen[:2]] == [["2"], ["2"]]
    assert seen[2].query.get("includeInactive") == ["true"]

    from_file = (
        "import runpy\nopen('hubspot_key.txt', 'w').write('tok-main\\n')\n"
        "runpy.run_path('sync_deals.py', run_name='__main__')\n"
    )
    seen = _run_script(tmp_path / "file", "sync_deals.py", KEY_FILE, from_file)
    _every_request_sends_the_token(seen, 3)
