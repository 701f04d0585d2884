"""``str(KEY)`` and ``KEY.strip()`` hand on the key itself (real sample 4's
``"...?hapikey=" + str(hapikey)`` in a script's top-level loop).

The key's origin and identity are the wrapped key's, so the site migrates as
the bare key's would, and a wrapped lookup in a table of portals stays manual.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

SCRIPT = """\
import csv
import os

import requests

hapikey = os.environ["HAPIKEY"]

with open("pairs.csv", newline="") as f:
    for row in csv.reader(f):
        data = {{"fromObjectId": int(row[0]), "toObjectId": int(row[1])}}
        url = "https://api.hubapi.com/crm-associations/v1/associations?hapikey=" + {key}
        r = requests.put(url, json=data)
        if not r:
            print("association error", row)
"""


def _run(tmp_path, key: str):
    result = tree(tmp_path, {"associate.py": SCRIPT.format(key=key)})["associate.py"]
    return result, key_sites(result)


def test_str_of_the_configured_key_migrates_in_a_top_level_loop(tmp_path):
    result, sites = _run(tmp_path, "str(hapikey)")
    assert [s.status for s in sites] == [Status.REWRITE]
    new = result.new.decode()
    assert "hapikey=" not in new
    assert (
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'
        in new
    )


def test_a_stripped_key_migrates_the_same(tmp_path):
    result, sites = _run(tmp_path, "hapikey.strip()")
    assert [s.status for s in sites] == [Status.REWRITE]


def test_str_of_a_portals_key_looked_up_stays_manual(tmp_path):
    source = SCRIPT.format(key="str(KEYS[row[2]])").replace(
        'hapikey = os.environ["HAPIKEY"]',
        'KEYS = {"us": os.environ["US_KEY"], "eu": os.environ["EU_KEY"]}',
    )
    result = tree(tmp_path, {"associate.py": source})["associate.py"]
    assert [s.status for s in key_sites(result)] == [Status.MANUAL]
    assert not result.changed
