"""Examples for the params fixers (dict entries, item assignments, sessions, ...),
read by test_examples.py."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.fixers import BEARER, TOKEN

DEALS = "'https://api.hubapi.com/deals/v1/deal/paged'"
REWRITES = [
    (
        f"import requests\ndef f():\n    return requests.get({DEALS}, params={{'hapikey': KEY, 'limit': 10}})\n",
        f"import requests\ndef f():\n    return requests.get({DEALS}, params={{'limit': 10}}, headers={BEARER})\n",
    ),
    (
        "import requests\ndef f():\n    params = {'limit': 10}\n    params['hapikey'] = KEY\n"
        f"    return requests.get({DEALS}, params=params)\n",
        "import requests\ndef f():\n    params = {'limit': 10}\n"
        f"    return requests.get({DEALS}, params=params, headers={BEARER})\n",
    ),
    (
        "import requests\ns = requests.Session()\ns.params = {'hapikey': 'k'}\n"
        f"def f():\n    return s.get({DEALS})\n",
        f'import requests\ns = requests.Session()\ns.headers["Authorization"] = "Bearer " + {TOKEN}\n'
        f"def f():\n    return s.get({DEALS})\n",
    ),
]

UNTOUCHED = [
    "config = {'hapikey_label': 'x'}\n",
    f"import requests\nrequests.get({DEALS}, params={{'limit': 10}})\n",
]

LEFT_FOR_A_PERSON = [
    (
        f"import requests\ndef f(key, **kw):\n    return requests.get({DEALS}, params={{'hapikey': KEY}}, **kw)\n",
        Status.MANUAL,
        "**kwargs",
    ),
    (
        f"import requests\ndef f(t, key):\n"
        f"    return requests.get({DEALS}, params={{'hapikey': KEY}}, headers={{'Authorization': t}})\n",
        Status.MANUAL,
        "already sends an Authorization header",
    ),
    (
        "import requests\nrequests.post('https://api.hubapi.com/webhooks/v1/1/subscriptions', "
        "params={'hapikey': DEVELOPER_KEY})\n",
        Status.KEPT,
        "developer API key",
    ),
]
