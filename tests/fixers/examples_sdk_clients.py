"""Examples (tables read by test_examples.py) for the sdk-clients fixer."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.fixers import TOKEN

REWRITES = [
    (
        "from hubspot import HubSpot\nclient = HubSpot(api_key=KEY)\n",
        f"from hubspot import HubSpot\nclient = HubSpot(access_token={TOKEN})\n",
    ),
    (
        "from hubspot3 import Hubspot3 as H\nclient = H(api_key=KEY)\n",
        f"from hubspot3 import Hubspot3 as H\nclient = H(access_token={TOKEN})\n",
    ),
    (
        "import hubspot\nclient = hubspot.Client.create(api_key=KEY)\n",
        f"import hubspot\nclient = hubspot.Client.create(access_token={TOKEN})\n",
    ),
]

UNTOUCHED = [
    "from stripe import Client\nclient = Client(api_key=KEY)\n",
    f"from hubspot import HubSpot\nclient = HubSpot(access_token=TOKEN)\n",
]

LEFT_FOR_A_PERSON = [
    (
        "from hapi.contacts import ContactsClient\nc = ContactsClient(api_key=KEY)\n",
        Status.MANUAL,
        "hapipy",
    ),
    (
        "from hubspot import HubSpot\nc = HubSpot(api_key=KEY, access_token=T)\n",
        Status.MANUAL,
        "both api_key and access_token",
    ),
    (
        "from hubspot3 import Hubspot3\nc = Hubspot3(api_key=DEVELOPER_API_KEY)\n",
        Status.KEPT,
        "developer API key",
    ),
]
