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
    (  # a wrapper's own **kw: the header joins what the callers hand in
        "import requests\ndef f(path, **kw):\n    kw.setdefault('params', {})['hapikey'] = KEY\n"
        "    return requests.get(BASE + path, **kw)\n",
        "import requests\ndef f(path, **kw):\n"
        f'    kw["headers"] = {{**(kw.get("headers") or {{}}), "Authorization": "Bearer " + {TOKEN}}}\n'
        "    return requests.get(BASE + path, **kw)\n",
    ),
    (  # the key added when missing: the test goes with it
        "import requests\ndef f(params):\n    if 'hapikey' not in params:\n        params['hapikey'] = KEY\n"
        f"    return requests.get({DEALS}, params=params)\n",
        f"import requests\ndef f(params):\n    return requests.get({DEALS}, params=params, headers={BEARER})\n",
    ),
    (  # a class attribute sent by the class's methods
        "import requests\nclass C:\n    params = {'hapikey': KEY}\n    def f(self):\n"
        f"        return requests.get({DEALS}, params=self.params)\n",
        "import requests\nclass C:\n    params = {}\n    def f(self):\n"
        f"        return requests.get({DEALS}, params=self.params, headers={BEARER})\n",
    ),
]

UNTOUCHED = [
    "config = {'hapikey_label': 'x'}\n",
    f"import requests\nrequests.get({DEALS}, params={{'limit': 10}})\n",
]

LEFT_FOR_A_PERSON = [
    (  # a subclass reads the class attribute too
        "import requests\nclass C:\n    params = {'hapikey': KEY}\n    def f(self):\n"
        f"        return requests.get({DEALS}, params=self.params)\nclass D(C):\n    pass\n",
        Status.MANUAL,
        "subclass D",
    ),
    (  # the test does more than add the key
        "import requests\ndef f(params):\n    if 'hapikey' not in params:\n        params['hapikey'] = KEY\n"
        "        log('added')\n"
        f"    return requests.get({DEALS}, params=params)\n",
        Status.MANUAL,
        "comparison",
    ),
    (
        f"import requests\ndef f(key, kw):\n    return requests.get({DEALS}, params={{'hapikey': KEY}}, **kw)\n",
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
