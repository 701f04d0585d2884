"""The header joins a request's own headers without crashing on a value the
original accepted (``headers=None``) and, in Python 2 era code, without syntax
Python 2 lacks."""

from __future__ import annotations

import pytest

from tests.conftest import migrated_text

URL = "'https://api.hubapi.com/deals/v1/deal/paged?hapikey=' + API_KEY"
TOKEN = 'os.environ["HUBSPOT_ACCESS_TOKEN"]'


def _get(headers_setup: str, prelude: str = "", params: str = "headers=None") -> str:
    return (
        f"{prelude}import requests\nAPI_KEY = 'k'\n\ndef deals({params}):\n"
        f"{headers_setup}    return requests.get({URL}, headers=headers)\n"
    )


def test_a_parameter_that_may_be_none_is_guarded():
    new = migrated_text(_get(""))
    assert (
        f'headers={{**(headers or {{}}), "Authorization": "Bearer " + {TOKEN}}}' in new
    )


def test_a_local_dict_is_spread_as_it_is():
    new = migrated_text(_get("    headers = {'Accept': 'json'}\n", params=""))
    assert f'headers={{**headers, "Authorization": "Bearer " + {TOKEN}}}' in new


@pytest.mark.parametrize(
    "sign",
    [
        "from __future__ import print_function\n",
        "try:\n    import urllib2\nexcept ImportError:\n    urllib2 = None\n",
        "from urllib import urlencode\n",
    ],
)
def test_python2_code_gets_a_dict_call(sign):
    new = migrated_text(_get("", prelude=sign))
    assert f'headers=dict(headers or {{}}, Authorization="Bearer " + {TOKEN})' in new


@pytest.mark.parametrize("given", [None, {}, {"Accept": "x"}])
def test_each_form_builds_the_same_headers(given):
    token = "tok"
    forms = {
        "spread": lambda h: {**(h or {}), "Authorization": "Bearer " + token},
        "dict": lambda h: dict(h or {}, Authorization="Bearer " + token),
    }
    results = [form(given) for form in forms.values()]
    assert results[0] == results[1] == {**(given or {}), "Authorization": "Bearer tok"}
