"""A key given at run time whose variable is read for something else
(review 21, R6).

A key read from ``sys.argv``, ``input()`` or a file is sent as the token where
it was sent as the key: the user gives the token in its place. A check of the
key's format (``len(API_KEY) != 36``) would then refuse every token, and a
slice of it posted elsewhere would carry part of the token: such a read keeps
the site manual, as a caller's-credential parameter read elsewhere does.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

REQUEST = """

def contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": API_KEY, "count": 100},
    ).json()
"""
FROM_A_FILE = """\
import sys

import requests

with open("hapikey.txt") as handle:
    API_KEY = handle.read().strip()
"""
FROM_ARGV = """\
import sys

import requests

API_KEY = sys.argv[1]
"""


def _run(tmp_path, source: str):
    result = tree(tmp_path, {"pull.py": source})["pull.py"]
    return result, key_sites(result)


def test_a_format_check_of_a_file_key_keeps_the_site_manual(tmp_path):
    check = 'if len(API_KEY) != 36:\n    sys.exit("hapikey.txt must hold the key")\n'
    result, sites = _run(tmp_path, FROM_A_FILE + check + REQUEST)
    assert [s.status for s in sites] == [Status.MANUAL]
    assert "read at line 7" in sites[0].reason and "len()" in sites[0].reason
    assert not result.changed


def test_a_slice_of_an_argv_key_posted_elsewhere_keeps_the_site_manual(tmp_path):
    request = REQUEST.replace(
        "    ).json()\n",
        "    ).json()\n\n\ndef backup(data):\n"
        '    requests.post("https://backup.example.com", json=data, '
        'params={"portal": API_KEY[-6:]})\n',
    )
    result, sites = _run(tmp_path, FROM_ARGV + request)
    assert [s.status for s in sites] == [Status.MANUAL]
    assert not result.changed


def test_a_checked_copy_of_the_key_is_followed(tmp_path):
    check = 'key = API_KEY.strip()\nif not key.startswith("0"):\n    sys.exit(1)\n'
    result, sites = _run(tmp_path, FROM_ARGV + check + REQUEST)
    assert [s.status for s in sites] == [Status.MANUAL]


def test_a_presence_test_and_two_sends_still_migrate(tmp_path):
    check = 'if not API_KEY:\n    sys.exit("give the key")\n'
    request = REQUEST + REQUEST.replace("def contacts", "def more_contacts")
    result, sites = _run(tmp_path, FROM_ARGV + check + request)
    assert [s.status for s in sites] == [Status.REWRITE, Status.REWRITE]
    new = result.new.decode()
    assert new.count('"Bearer " + API_KEY') == 2
    assert "API_KEY = sys.argv[1]" in new and "hapikey" not in new


def test_an_argparse_key_checked_for_its_format_stays_manual(tmp_path):
    # review 22, R4 (a): the key is an option's attribute, args.hapikey
    source = """\
import argparse
import sys

import requests


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hapikey", required=True)
    args = parser.parse_args()
    if len(args.hapikey) != 36:
        sys.exit("--hapikey must be your portal's API key (36 characters)")
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": args.hapikey, "count": 100},
    ).json()
"""
    result, sites = _run(tmp_path, source)
    assert [s.status for s in sites] == [Status.MANUAL]
    assert "args.hapikey is given at run time" in sites[0].reason
    assert not result.changed


def test_a_validator_named_for_the_key_sends_nothing(tmp_path):
    # review 22, R4 (b): "hapikey" in the validator's name is no send
    check = (
        'import re\nHAPIKEY_FORMAT = re.compile(r"^[0-9a-f-]{36}$")\n'
        "if not HAPIKEY_FORMAT.match(API_KEY):\n    sys.exit(1)\n"
    )
    result, sites = _run(tmp_path, FROM_ARGV + check + REQUEST)
    assert [s.status for s in sites] == [Status.MANUAL]
    assert "HAPIKEY_FORMAT.match()" in sites[0].reason


def test_a_pattern_named_for_the_key_handed_to_re_sends_nothing(tmp_path):
    # review 22, R15: re.match(HAPIKEY_PATTERN, API_KEY) is a format check
    check = (
        'import re\nHAPIKEY_PATTERN = r"^[0-9a-f-]{36}$"\n'
        "key_ok = re.match(HAPIKEY_PATTERN, API_KEY)\n"
        "if not key_ok:\n    sys.exit(1)\n"
    )
    result, sites = _run(tmp_path, FROM_ARGV + check + REQUEST)
    assert [s.status for s in sites] == [Status.MANUAL]
    assert not result.changed
