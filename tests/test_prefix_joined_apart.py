"""A key joined to a ``...?hapikey=`` prefix name in a statement of its own
(``api_endpoint = hs_url + api_key``, sample 5's Splunk alert action) is a
read that sends the key, though the statement's text does not say hapikey:
with two such prefixes in one function, neither join is "another use of the
key" for the other. A read of the key for something else (logged) still keeps
every site for a person."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, run_against_standin, tree

ALERT = """\
import json
import urllib.request


def send_notification(payload, api_key):
    hs_url = "https://api.hubapi.com/crm-objects/v1/objects/tickets?hapikey="
    hs_eng = "https://api.hubapi.com/engagements/v1/engagements?hapikey="
    api_endpoint = hs_url + api_key
    eng_api_endpoint = hs_eng + api_key
    body = json.dumps(payload).encode()
    req = urllib.request.Request(api_endpoint, body, {"Content-Type": "application/json"})
    urllib.request.urlopen(req)
    req2 = urllib.request.Request(eng_api_endpoint, body, {"Content-Type": "application/json"})
    urllib.request.urlopen(req2)
"""
MAIN = (
    "import os\nfrom alert import send_notification\n\n"
    "def run():\n    send_notification({'subject': 'x'}, os.environ['HUBSPOT_API_KEY'])\n"
)
DRIVER = "import main\nmain.run()\n"


def test_two_prefixes_joined_to_the_callers_key_apart_migrate(tmp_path):
    results = tree(tmp_path, {"alert.py": ALERT, "main.py": MAIN})
    sites = key_sites(results["alert.py"])
    assert sites and all(s.status == Status.REWRITE for s in sites), sites
    alert = results["alert.py"].new.decode()
    assert "hapikey" not in alert
    main = results["main.py"].new.decode()
    seen = run_against_standin(
        tmp_path / "run", {"alert.py": alert, "main.py": main}, DRIVER
    )
    assert [s.path for s in seen] == [
        "/crm-objects/v1/objects/tickets",
        "/engagements/v1/engagements",
    ]
    assert all(s.authorization == "Bearer tok-main" and s.hapikey is None for s in seen)
    assert all(s.body == b'{"subject": "x"}' for s in seen)


def test_the_key_also_logged_stays_for_a_person(tmp_path):
    logged = ALERT.replace(
        "    body = ", "    print('sending with ' + api_key[:4])\n    body = "
    )
    results = tree(tmp_path, {"alert.py": logged, "main.py": MAIN})
    sites = key_sites(results["alert.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    assert results["alert.py"].new is None
