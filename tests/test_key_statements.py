"""A statement setting the key that does more than set it (review 12, R3): its
other effect must survive. ``key = params.setdefault("hapikey", KEY)`` binds
``key``; ``params["hapikey"] = used = KEY`` binds ``used``; a setdefault inside
an expression hands its value on. Removing such a statement would crash the
migrated code (NameError) or leave the key in the URL beside the token, so it
stays, reported manual, and so does the request it feeds."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.test_wrong_rewrites import tree_results

HEAD = "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
URL = "'https://api.hubapi.com/deals/v1/deal/paged'"

DOES_MORE = {
    "setdefault's value bound": (
        "def deals():\n    params = {'limit': 5}\n"
        "    key = params.setdefault('hapikey', KEY)\n"
        "    print('using', key[-4:])\n"
        f"    return requests.get({URL}, params=params)\n",
        "what setdefault() returns",
    ),
    "setdefault's value used in an expression": (
        "def deals():\n    params = {'limit': 5}\n"
        "    print('set', params.setdefault('hapikey', KEY)[-4:])\n"
        f"    return requests.get({URL}, params=params)\n",
        "what setdefault() returns",
    ),
    "a chained assignment": (
        "def deals():\n    params = {'limit': 5}\n"
        "    params['hapikey'] = used = KEY\n"
        "    print('using', used[-4:])\n"
        f"    return requests.get({URL}, params=params)\n",
        "also sets used",
    ),
}


@pytest.mark.parametrize("text, says", list(DOES_MORE.values()), ids=list(DOES_MORE))
def test_a_statement_doing_more_than_setting_the_key_stays(tmp_path, text, says):
    (tmp_path / "one.py").write_text(HEAD + text)
    (result,) = tree_results(tmp_path)
    assert not result.changed
    (site,) = [s for s in result.sites if s.kind.value == "params"]
    assert site.status == Status.MANUAL and says in site.reason


def test_a_statement_only_setting_the_key_still_goes(tmp_path):
    (tmp_path / "one.py").write_text(
        HEAD + "def deals():\n    params = {'limit': 5}\n"
        "    params.setdefault('hapikey', KEY)\n"
        "    params['hapikey'] = KEY\n"
        f"    return requests.get({URL}, params=params)\n"
    )
    (result,) = tree_results(tmp_path)
    assert [s.status for s in result.sites if s.kind.value == "params"] == [
        Status.REWRITE
    ] * 2
    assert b"hapikey" not in result.new and b"Bearer" in result.new
