"""Examples (tables read by test_examples.py) for the url-strings fixer."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.fixers import BEARER

REWRITES = [
    (
        "import requests\nKEY = 'k'\ndef f():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY + '&count=5')\n",
        "import requests\ndef f():\n"
        f"    return requests.get('https://api.hubapi.com/owners/v2/owners?count=5', headers={BEARER})\n",
    ),
    (
        "import requests\ndef f(vid):\n"
        "    return requests.get(f'https://api.hubapi.com/contacts/v1/contact/vid/{vid}/profile?hapikey={KEY}')\n",
        "import requests\ndef f(vid):\n"
        f"    return requests.get(f'https://api.hubapi.com/contacts/v1/contact/vid/{{vid}}/profile', headers={BEARER})\n",
    ),
    (
        "import requests\ndef f(vid):\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/contact/vid/%s/profile?hapikey=%s' % (vid, KEY))\n",
        "import requests\ndef f(vid):\n"
        f"    return requests.get('https://api.hubapi.com/contacts/v1/contact/vid/%s/profile' % (vid,), headers={BEARER})\n",
    ),
    (
        "import requests\nURL = 'https://api.hubapi.com/deals/v1/deal/{}?hapikey={}'\ndef f(d):\n"
        "    return requests.get(URL.format(d, KEY))\n",
        "import requests\nURL = 'https://api.hubapi.com/deals/v1/deal/{}'\ndef f(d):\n"
        f"    return requests.get(URL.format(d), headers={BEARER})\n",
    ),
]

UNTOUCHED = [
    '"""Docs: call /contacts/v1/lists?hapikey=YOUR_KEY."""\n',
    "import requests\nrequests.get('https://api.hubapi.com/crm/v3/objects/contacts')\n",
    "# requests.get('https://api.hubapi.com/x?hapikey=' + KEY)\n",
]

LEFT_FOR_A_PERSON = [
    (
        "import requests, other\n"
        "other.fetch('https://api.hubapi.com/deals/v1/deal/paged?hapikey=' + KEY)\n",
        Status.MANUAL,
        "other.fetch()",
    ),
    (
        "import requests\n"
        "requests.get('https://api.hubapi.com/webhooks/v1/1/settings?hapikey=' + KEY)\n",
        Status.KEPT,
        "developer API key",
    ),
]
