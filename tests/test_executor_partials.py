"""A ``functools.partial`` of a request run by an executor with nothing more
(``await loop.run_in_executor(None, partial(requests.request, "GET", url,
params=q))``, ``asyncio.to_thread(partial(...))``) is that request: asyncio
code runs blocking requests so. It was "passed to loop.run_in_executor(),
where its calls are not seen"."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

ASYNC_CLIENT = """\
import asyncio
import functools
import os

import requests

api_key = os.environ["HUBSPOT_API_KEY"]
headers = {"accept": "application/json"}
querystring_deal = {"properties": "dealstage", "archived": "false", "hapikey": api_key}


async def get_deal(deal_id):
    loop = asyncio.get_running_loop()
    url = "https://api.hubapi.com/crm/v3/objects/deals/{0}".format(deal_id)
    response = await loop.run_in_executor(
        None,
        functools.partial(requests.request, "GET", url, headers=headers, params=querystring_deal),
    )
    return response.json()


async def get_associations(deal_id):
    url = "https://api.hubapi.com/crm-associations/v1/associations/{0}/HUBSPOT_DEFINED/3?hapikey={1}".format(
        deal_id, api_key
    )
    response = await asyncio.to_thread(functools.partial(requests.request, "GET", url=url))
    return response.json()
"""


def test_a_partial_an_executor_runs_is_the_request(tmp_path):
    result = tree(tmp_path, {"hs.py": ASYNC_CLIENT})["hs.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    text = result.new.decode()
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert 'headers={**headers, "Authorization": "Bearer "' in text
    assert 'url=url, headers={"Authorization": "Bearer "' in text


@pytest.mark.parametrize(
    "change",
    [
        # the executor hands the partial an argument of its own
        (
            "params=querystring_deal),\n    )",
            "params=querystring_deal),\n        30,\n    )",
        ),
        # the partial's request goes to another host
        ("https://api.hubapi.com/crm/v3", "https://crm-mirror.example.com/crm/v3"),
    ],
    ids=["argument_given", "other_host"],
)
def test_an_executor_partial_not_surely_a_hubspot_request_stays_manual(
    tmp_path, change
):
    old, new = change
    assert old in ASYNC_CLIENT
    source = ASYNC_CLIENT.replace(old, new)
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    sites = {s.line: s.status for s in key_sites(result)}
    assert sites[9] == Status.MANUAL  # the params dict the executor's partial sends


def test_executor_partials_behave(tmp_path):
    files = {
        "src/hs.py": ASYNC_CLIENT,
        "scenario.py": (
            '"""asyncio code running requests in an executor."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_deal(credential):\n    import asyncio\n\n    import hs\n\n"
            '    asyncio.run(hs.get_deal("12"))\n\n\n'
            "def case_associations(credential):\n    import asyncio\n\n    import hs\n\n"
            '    asyncio.run(hs.get_associations("12"))\n'
        ),
    }
    behaves(tmp_path / "executor", files, manual=0)
