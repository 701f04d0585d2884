"""One key under two names (issue #12): a settings module keeping a legacy
spelling for old callers (``HAPIKEY = API_KEY``) sends one portal's key, so its
readers migrate to one token; two names bound to two variables (two portals),
or a name rebound later, stay manual."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.test_wrong_rewrites import tree_results

CONFIG = (
    "import os\n"
    "API_KEY = os.environ.get('HUBSPOT_API_KEY', '')\n"
    "BASE = 'https://api.hubapi.com'\n"
    "# legacy names used by old cron entries\n"
    "HAPIKEY = API_KEY\n"
)
DEALS = (
    "import requests\n"
    "import config\n"
    "def deal(deal_id):\n"
    "    return requests.get(config.BASE + '/deals/v1/deal/%s?hapikey=%s'"
    " % (deal_id, config.HAPIKEY))\n"
    "def create(body):\n"
    "    return requests.post(config.BASE + '/deals/v1/deal?hapikey=' + config.API_KEY,"
    " json=body)\n"
)


def statuses(tmp_path, config: str) -> tuple[list[Status], bytes]:
    (tmp_path / "config.py").write_text(config)
    (tmp_path / "deals.py").write_text(DEALS)
    results = {r.path.rsplit("/", 1)[-1]: r for r in tree_results(tmp_path)}
    deals = results["deals.py"]
    return [s.status for s in deals.sites], deals.new or b""


def test_a_legacy_alias_of_the_key_is_the_same_key(tmp_path):
    found, new = statuses(tmp_path, CONFIG)
    assert found == [Status.REWRITE, Status.REWRITE]
    assert b"hapikey" not in new and new.count(b"HUBSPOT_ACCESS_TOKEN") == 2


@pytest.mark.parametrize(
    "config",
    [  # two variables: two portals perhaps
        CONFIG.replace("HAPIKEY = API_KEY", "HAPIKEY = os.environ['HS_SANDBOX_KEY']"),
        # the alias is rebound later (a sandbox switch): not the same key then
        CONFIG
        + "if os.environ.get('SANDBOX'):\n    HAPIKEY = os.environ['HS_SANDBOX']\n",
        CONFIG + "def use(key):\n    global HAPIKEY\n    HAPIKEY = key\n",
    ],
    ids=["another variable", "rebound in a branch", "rebound through global"],
)
def test_names_that_may_hold_two_keys_stay_manual(tmp_path, config):
    found, new = statuses(tmp_path, config)
    assert found == [Status.MANUAL, Status.MANUAL]
    assert new == b""


def test_an_alias_of_a_key_rebound_in_a_branch_is_not_the_same_key(tmp_path):
    config = CONFIG.replace(
        "BASE =",
        "if os.environ.get('SANDBOX'):\n    API_KEY = os.environ['HS_SANDBOX']\nBASE =",
    )
    found, _ = statuses(tmp_path, config)
    assert found == [Status.MANUAL, Status.MANUAL]
