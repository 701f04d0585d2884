"""Keys named right: a key printed into a notebook's saved output is one to
revoke; a made-up key in a test is none, and a test's made-up mapping stands
for a token; ``"?hap" + "ikey="`` is a key use; a start-up check of the old
key (``try: KEY = os.environ[...] except KeyError: sys.exit(...)``) checks the
token, or stays, said why (review 20's R11, R8, N7, N3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from hapimigrate import providers, run
from hapimigrate.cli import main
from hapimigrate.model import RunOptions, Status
from tests.trees import key_sites, left_alone, migrated, tree

JOB = RunOptions(providers.resolve(None))
SECRET = "4f2c9a1e-7b3d-4e5f-8a9b-0c1d2e3f4a5b"


# -- R11: a key printed into a notebook's saved output -----------------------


def _code(*lines, outputs=()):
    return {
        "cell_type": "code",
        "metadata": {},
        "execution_count": None,
        "outputs": list(outputs),
        "source": [line + "\n" for line in lines[:-1]] + [lines[-1]],
    }


def _stream(text):
    return {"name": "stdout", "output_type": "stream", "text": [text]}


def _result(text):
    return {
        "output_type": "execute_result",
        "execution_count": 1,
        "metadata": {},
        "data": {"text/plain": [text]},
    }


def _notebook(tmp_path, *cells):
    notebook = {
        "cells": list(cells),
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    target = tmp_path / "owners.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    return target


def _output_sites(target):
    result = run.process_file(str(target), JOB)
    assert result.error is None, result.error
    return [s for s in result.sites if "saved output" in s.reason]


def test_a_bare_key_printed_by_its_cell_is_one_to_revoke(tmp_path):
    """The review's notebook: cell 2 reads and prints the key, whose stream
    output is the bare UUID; the cells migrate, the output is named (by
    place, never its value), and check fails on the file after apply."""
    target = _notebook(
        tmp_path,
        _code("import os", "import requests"),
        _code(
            "HUBSPOT_API_KEY = os.environ['HUBSPOT_API_KEY']",
            "print(HUBSPOT_API_KEY)",
            outputs=[_stream(SECRET + "\n")],
        ),
        _code(
            "r = requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': HUBSPOT_API_KEY})",
            "r.json()",
        ),
    )
    (site,) = _output_sites(target)
    assert (site.status, site.cell, site.hardcoded_key) == (Status.MANUAL, 2, True)
    assert "print(HUBSPOT_API_KEY)" in site.reason and SECRET not in site.reason
    applied = CliRunner().invoke(main, ["apply", str(target)])
    assert applied.exit_code == 1 and SECRET not in applied.output
    assert "hard-coded key" in applied.output
    checked = CliRunner().invoke(main, ["check", str(target)])
    assert checked.exit_code == 1 and "HM004" in checked.output
    assert SECRET not in checked.output


def test_a_key_bound_in_one_cell_and_shown_in_another(tmp_path):
    """``KEY`` bound from the key's variable in cell 1, shown by cell 2's
    f-string and by cell 3's last expression (its execute_result)."""
    target = _notebook(
        tmp_path,
        _code("import os", "KEY = os.getenv('HUBSPOT_API_KEY').strip()"),
        _code("print(f'using key {KEY}')", outputs=[_stream(f"using key {SECRET}\n")]),
        _code("KEY", outputs=[_result(f"'{SECRET}'")]),
    )
    assert [s.cell for s in _output_sites(target)] == [2, 3]


def test_uuids_answered_by_hubspot_are_no_key(tmp_path):
    """A cell that sends the key and shows HubSpot's answer (form guids are
    UUIDs), or prints something else: its output holds no key."""
    guid = "0b9a2f7e-1c3d-4e5f-8a9b-7d6c5b4a3f21"
    target = _notebook(
        tmp_path,
        _code("import os, requests", "KEY = os.environ['HUBSPOT_API_KEY']"),
        _code(
            "requests.get('https://api.hubapi.com/forms/v2/forms', params={'hapikey': KEY}).json()",
            outputs=[_result(f"[{{'guid': '{guid}'}}]")],
        ),
        _code(
            "forms = requests.get('https://api.hubapi.com/forms/v2/forms', params={'hapikey': KEY}).json()",
            "print(forms[0]['guid'])",
            outputs=[_stream(guid + "\n")],
        ),
        _code("print(len(KEY))", outputs=[_stream("36\n")]),
    )
    assert _output_sites(target) == []


def test_a_printed_placeholder_is_no_key_to_revoke(tmp_path):
    """``print(KEY)`` whose output is a placeholder: nothing to revoke."""
    target = _notebook(
        tmp_path,
        _code(
            "KEY = 'your-api-key'", "print(KEY)", outputs=[_stream("your-api-key\n")]
        ),
    )
    assert _output_sites(target) == []


# -- R8: a made-up key in a test ----------------------------------------------

CLIENT = """\
import requests

BASE = "https://api.hubapi.com"


def deals(config):
    r = requests.get(BASE + "/deals/v1/deal/paged?hapikey=" + config["api_key"])
    r.raise_for_status()
    return r.json()
"""

MAPPING_TEST = """\
from unittest import mock

from app.client import deals


@mock.patch("app.client.requests.get")
def test_deals(get):
    get.return_value.json.return_value = {{"deals": []}}
    assert deals({{"api_key": "{key}", "portal_id": "1"}}) == {{"deals": []}}
"""


def test_a_tests_made_up_mapping_stands_for_a_token(tmp_path):
    """The test hands the function a mapping with a made-up key: it keeps it
    (a fake token then), and no longer blocks the function's migration."""
    results = tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/client.py": CLIENT,
            "tests/test_client.py": MAPPING_TEST.format(key="test-key"),
        },
    )
    assert '"Authorization": "Bearer " + config["api_key"]' in migrated(
        results["app/client.py"]
    )
    (site,) = key_sites(results["tests/test_client.py"])
    assert site.status == Status.REWRITE and "made-up key" in site.reason
    assert not results["tests/test_client.py"].changed


def test_a_key_shaped_value_in_a_tests_mapping_still_blocks(tmp_path):
    """A UUID in the test's mapping could be a real portal's key: manual."""
    results = tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/client.py": CLIENT,
            "tests/test_client.py": MAPPING_TEST.format(key=SECRET),
        },
    )
    left_alone(results["app/client.py"], "configured object")


def test_a_made_up_key_in_a_tests_url_is_none_to_revoke(tmp_path):
    """``"hapikey=test-key" in url`` in a test: not a key (keys.py's rule),
    so not one to revoke; a UUID there still is."""
    results = tree(
        tmp_path,
        {
            "tests/test_urls.py": """\
            def test_url(url):
                assert "hapikey=test-key" in url
            """,
            "tests/test_real.py": f"""\
            def test_url(url):
                assert "hapikey={SECRET}" in url
            """,
        },
    )
    (made_up,) = key_sites(results["tests/test_urls.py"])
    (real,) = key_sites(results["tests/test_real.py"])
    assert (made_up.hardcoded_key, real.hardcoded_key) == (False, True)


# -- N7: hapikey in pieces ----------------------------------------------------

SPLIT = """\
import os

import requests

URL = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"
KEY = os.environ["HUBSPOT_API_KEY"]


def joined():
    return requests.get(URL + "?hap" + "ikey=" + KEY).json()


def implicit():
    return requests.get(URL, params={"hap" "ikey": KEY}).json()
"""


def test_hapikey_in_pieces_is_a_manual_key_use(tmp_path):
    """Both spellings are key sites left for a person (saying how to make
    them migrate), nothing is rewritten, and check fails on each."""
    target = tmp_path / "split.py"
    target.write_text(SPLIT)
    result = run.process_file(str(target), JOB)
    sites = key_sites(result)
    assert [(s.line, s.kind.value, s.status) for s in sites] == [
        (10, "url", Status.MANUAL),
        (14, "params", Status.MANUAL),
    ]
    assert all("one literal" in s.reason for s in sites)
    assert not result.changed
    checked = CliRunner().invoke(main, ["check", str(target)])
    assert checked.exit_code == 1
    assert "split.py:10:" in checked.output and "split.py:14:" in checked.output


def test_pieces_in_a_file_naming_no_hubspot_host(tmp_path):
    """The URL's host comes from another module: the file is still read."""
    target = tmp_path / "b.py"
    target.write_text(
        "import requests\nfrom settings import BASE, KEY\n\n\n"
        "def a():\n    return requests.get(BASE + '/x?hap' 'ikey=' + KEY)\n"
    )
    (site,) = key_sites(run.process_file(str(target), JOB))
    assert (site.line, site.status) == (6, Status.MANUAL)


def test_pieces_that_spell_nothing_are_no_site(tmp_path):
    target = tmp_path / "c.py"
    target.write_text(
        "import requests\n\n\ndef shape(happy):\n"
        "    requests.get('https://api.hubapi.com/x', params={'ikey': 1, 'hap': happy})\n"
        "    return 'ikey' + 'hap' + str(happy) + 'hap' + happy + 'ikey'\n"
    )
    assert key_sites(run.process_file(str(target), JOB)) == []


# -- N3: a start-up check of the old key ---------------------------------------

STARTUP = """\
import os
import sys

import requests

try:
    API_KEY = os.environ["HUBSPOT_API_KEY"]
except KeyError:
    sys.exit({message!r})

session = requests.Session()
session.params = {{"hapikey": API_KEY}}


def owners():
    return session.get("https://api.hubapi.com/crm/v3/owners").json()
"""


def test_a_start_up_check_reads_the_token_there(tmp_path):
    """The try reads the token's variable where it read the key's, and the
    message names it: started without the token, the program exits with its
    message, as it did without the key (not a KeyError traceback later)."""
    results = tree(
        tmp_path, {"hs.py": STARTUP.format(message="HUBSPOT_API_KEY is not set")}
    )
    text = migrated(results["hs.py"])
    assert 'try:\n    os.environ["HUBSPOT_ACCESS_TOKEN"]\nexcept KeyError:' in text
    assert "sys.exit('HUBSPOT_ACCESS_TOKEN is not set')" in text
    (tmp_path / "hs.py").write_text(text)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUBSPOT_")}
    done = subprocess.run(
        [sys.executable, "-c", "import hs"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr.strip()) == (
        1,
        "HUBSPOT_ACCESS_TOKEN is not set",
    )


def test_a_check_in_a_function_names_the_token_through_its_error(tmp_path):
    """Real sample 2's shape: the key read beside another variable in a
    function's try, the handler naming the missing variable through ``e``."""
    results = tree(
        tmp_path,
        {"newsletter.py": """\
            import os
            import requests


            def subscribe(email):
                try:
                    HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]
                    SUBSCRIPTION = os.environ["HUBSPOT_SUBSCRIPTION_ID"]
                except KeyError as e:
                    raise ValueError(f"{e} environment variable not found")
                return requests.post(
                    "https://api.hubapi.com/communication-preferences/v3/subscribe",
                    json={"emailAddress": email, "subscriptionId": SUBSCRIPTION},
                    params={"hapikey": HUBSPOT_API_KEY},
                )
            """},
    )
    text = migrated(results["newsletter.py"])
    assert textwrap.dedent("""\
        try:
                os.environ["HUBSPOT_ACCESS_TOKEN"]
                SUBSCRIPTION = os.environ["HUBSPOT_SUBSCRIPTION_ID"]
            except KeyError as e:""") in text


@pytest.mark.parametrize(
    "message",
    ["set HUBSPOT_API_KEY to the portal's API key", "no HubSpot API key: see the docs"],
)
def test_a_message_speaking_of_the_api_key_stays_for_a_person(tmp_path, message):
    """Renamed or not, it would ask for the API key where the token is
    checked: the definition stays (the old variable required), said why."""
    results = tree(tmp_path, {"hs.py": STARTUP.format(message=message)})
    result = results["hs.py"]
    text = result.new.decode()
    assert 'API_KEY = os.environ["HUBSPOT_API_KEY"]' in text
    (kept,) = [s for s in key_sites(result) if s.status == Status.MANUAL]
    assert "start-up check" in kept.reason and "API key itself" in kept.reason


def test_another_provider_leaves_the_check_for_a_person(tmp_path):
    results = tree(
        tmp_path,
        {
            "hs.py": STARTUP.format(message="HUBSPOT_API_KEY is not set"),
            "tokens.py": "def get():\n    return 'tok'\n",
        },
        spec="tokens:get",
    )
    result = results["hs.py"]
    assert 'API_KEY = os.environ["HUBSPOT_API_KEY"]' in result.new.decode()
    (kept,) = [s for s in key_sites(result) if s.status == Status.MANUAL]
    assert "tokens:get" in kept.reason


def test_a_handler_that_catches_no_key_error_checks_nothing(tmp_path):
    """``except ValueError``: the KeyError went through before too; the
    definition goes as any dead one."""
    source = STARTUP.format(message="x").replace("except KeyError", "except ValueError")
    text = migrated(tree(tmp_path, {"hs.py": source})["hs.py"])
    assert "HUBSPOT_API_KEY" not in text and "try:\n    pass\n" in text
