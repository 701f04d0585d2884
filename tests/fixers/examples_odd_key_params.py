"""Examples for the odd-key-params fixer: the key's query parameter written so
that "hapikey=" is not in the text, read by test_examples.py."""

from __future__ import annotations

from hapimigrate.model import Status

HEAD = "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
WRITTEN = "the key's query parameter is written {} (not hapikey=)"

REWRITES: list = []

UNTOUCHED = [
    # a docstring naming it sends nothing
    HEAD
    + 'def f():\n    """Calls ...?hapikey%3D..."""\n    return 1\n',
]

LEFT_FOR_A_PERSON = [
    (  # real code: Python keeps the backslashes, and the key is still sent
        HEAD + "r = requests.get('https://api.hubapi.com/contacts/v1/lists/all"
        "/contacts/all\\?hapikey\\=' + KEY)\n",
        Status.MANUAL,
        WRITTEN.format("hapikey\\="),
    ),
    (  # an escaped backslash
        HEAD + "r = requests.get('https://api.hubapi.com/contacts/v1/lists"
        "?hapikey\\\\=' + KEY)\n",
        Status.MANUAL,
        WRITTEN.format("hapikey\\\\="),
    ),
    (  # "=" percent-encoded
        HEAD + "r = requests.get('https://api.hubapi.com/contacts/v1/lists"
        "?hapikey%3D' + KEY)\n",
        Status.MANUAL,
        WRITTEN.format("hapikey%3D"),
    ),
    (  # in an f-string
        HEAD + "r = requests.get(f'https://api.hubapi.com/contacts/v1/lists"
        "?hapikey%3d{KEY}')\n",
        Status.MANUAL,
        WRITTEN.format("hapikey%3d"),
    ),
]
