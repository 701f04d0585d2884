"""Examples for the held-names fixer: the parameter name "hapikey" held in a
value and sent from there, read by test_examples.py."""

from __future__ import annotations

from hapimigrate.model import Status

REWRITES: list = []

UNTOUCHED = [
    # a check of a mapping or a URL sends nothing
    "def has_key(params):\n    return 'hapikey' in params\n",
    "def strip(params):\n    params.pop('hapikey', None)\n    return params\n",
    "def clean(url):\n    return url.replace('hapikey', 'redacted')\n",
]

HELD = 'the query parameter name "hapikey" is held in'
LEFT_FOR_A_PERSON = [
    (  # a class attribute keying the params of the base class's requests
        "import requests\nclass Base:\n    auth_param = 'hapikey'\n"
        "    def get(self, url):\n"
        "        return requests.get(url, params={self.auth_param: self.key})\n",
        Status.MANUAL,
        f"{HELD} auth_param",
    ),
    (  # a module constant
        "import requests\nKEY_PARAM = 'hapikey'\ndef get(url, key):\n"
        "    return requests.get(url, params={KEY_PARAM: key})\n",
        Status.MANUAL,
        f"{HELD} KEY_PARAM",
    ),
    (  # a parameter's default
        "import requests\ndef get(url, key, name='hapikey'):\n"
        "    return requests.get(url, params={name: key})\n",
        Status.MANUAL,
        f"{HELD} the default of parameter name",
    ),
    (  # a keyword argument to a helper of another module
        "import api\ndef owners(key):\n"
        "    return api.call('/owners/v2/owners', key, key_param='hapikey')\n",
        Status.MANUAL,
        f"{HELD} the argument key_param=",
    ),
]
