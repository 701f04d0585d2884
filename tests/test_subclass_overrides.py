"""A subclass in another module that gives the key attribute its base's
requests read another value (a sandbox portal's key) keeps the base as it is:
also when it imports the base under another name, writes through
``self.__dict__``, or has a comment at column 0 in its body (review 16's S7)."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

BASE = """\
import os

import requests

URL = "https://api.hubapi.com/owners/v2/owners"


class Client(object):
    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]

    def owners(self):
        return requests.get(URL, params={"hapikey": self.key}).json()
"""
SANDBOX = """\
import os

from base import {imported}


class SandboxClient({base}):
    def __init__(self):
        super(SandboxClient, self).__init__()
{comment}        {write}
"""


@pytest.mark.parametrize(
    "imported, base, comment, write",
    [
        (
            "Client as PortalClient",
            "PortalClient",
            "",
            'self.key = os.environ["HUBSPOT_SANDBOX_KEY"]',
        ),
        (
            "Client",
            "Client",
            "",
            'self.__dict__.update(key=os.environ["HUBSPOT_SANDBOX_KEY"])',
        ),
        (
            "Client",
            "Client",
            "# def old(self): pass\n",
            'self.key = os.environ["HUBSPOT_SANDBOX_KEY"]',
        ),
    ],
    ids=["alias", "dict_update", "comment_at_column_0"],
)
def test_a_subclass_rekeying_its_base_keeps_it(
    tmp_path, imported, base, comment, write
):
    sandbox = SANDBOX.format(imported=imported, base=base, comment=comment, write=write)
    results = tree(tmp_path, {"base.py": BASE, "sandbox.py": sandbox})
    assert not results["base.py"].changed
    assert [s.status for s in key_sites(results["base.py"])] == [Status.MANUAL]


def test_a_subclass_two_levels_down_rekeying_keeps_the_base(tmp_path):
    """``SandboxClient(PortalClient)`` in a third module, ``PortalClient(Client)``
    in a second: the sandbox key's requests must not get the main token
    (review 16's S7c)."""
    portals = (
        "from base import Client\n\n\nclass PortalClient(Client):\n    retries = 3\n"
    )
    sandbox = (
        "import os\n\nfrom portals import PortalClient\n\n\n"
        "class SandboxClient(PortalClient):\n    def __init__(self):\n"
        "        super(SandboxClient, self).__init__()\n"
        '        self.key = os.environ["HUBSPOT_SANDBOX_KEY"]\n'
    )
    results = tree(
        tmp_path, {"base.py": BASE, "portals.py": portals, "sandbox.py": sandbox}
    )
    assert not results["base.py"].changed
    assert [s.status for s in key_sites(results["base.py"])] == [Status.MANUAL]
    # without the re-keying subclass, the hierarchy migrates
    (tmp_path / "sandbox.py").unlink()
    results = tree(tmp_path, {"base.py": BASE, "portals.py": portals})
    assert [s.status for s in key_sites(results["base.py"])] == [Status.REWRITE]
