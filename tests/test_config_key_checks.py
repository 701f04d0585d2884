"""A configuration factory that checks the key it reads (a review): the key's
read becomes the token's only where the factory tests the key for its
presence, and the token is read as the key was, so that the factory's own
check still speaks when the variable is missing."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

CONFIG = """\
import os
import re
from dataclasses import dataclass

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass
class Config:
    hubspot_key: str
    concurrency: int = 5


def from_env():
    key = os.environ.get("HUBSPOT_API_KEY", "")
    if not UUID.match(key):
        raise SystemExit("HUBSPOT_API_KEY must be the portal's API key (a UUID)")
    return Config(hubspot_key=key)
"""
RUN = """\
from . import config
from .hubspot import HubSpot


def main(cfg=None):
    cfg = cfg or config.from_env()
    hub = HubSpot(cfg.hubspot_key)
    return hub.owners()
"""
HUBSPOT = """\
import requests

HUBSPOT = "https://api.hubapi.com"


class HubSpot:
    def __init__(self, api_key):
        self.session = requests.Session()
        self.session.params = {"hapikey": api_key}

    def owners(self):
        return self.session.get(HUBSPOT + "/owners/v2/owners").json()
"""


def _files(config: str) -> dict[str, str]:
    return {"app/__init__.py": "", "app/config.py": config, "app/run.py": RUN,
            "app/hubspot.py": HUBSPOT}  # fmt: skip


def test_a_check_of_the_keys_form_keeps_the_factory(tmp_path):
    """A token is never a UUID: the check would stop the program."""
    results = tree(tmp_path, _files(CONFIG))
    assert not any(r.changed for r in results.values())
    assert Status.REWRITE not in {
        s.status for r in results.values() for s in key_sites(r)
    }


def test_a_presence_check_reads_the_token_as_the_key_was(tmp_path):
    config = CONFIG.replace("if not UUID.match(key):", "if not key:")
    results = tree(tmp_path, _files(config))
    text = results["app/config.py"].new.decode()
    assert 'key = os.environ.get("HUBSPOT_ACCESS_TOKEN", "")' in text
    assert {s.status for s in key_sites(results["app/hubspot.py"])} == {Status.REWRITE}


def test_a_variable_another_module_sets_per_portal_keeps_the_factory(tmp_path):
    """A review: an agency job sets the factory's variable to each client
    portal's key in turn; one token cannot stand for all of them."""
    config = CONFIG.replace("if not UUID.match(key):", "if not key:")
    agency = (
        "import os\n\nfrom app.run import main\n\n"
        'PORTALS = {"acme": "ACME_HUBSPOT_KEY", "globex": "GLOBEX_HUBSPOT_KEY"}\n\n\n'
        "def run_all():\n"
        "    for name, var in PORTALS.items():\n"
        '        os.environ["HUBSPOT_API_KEY"] = os.environ[var]\n'
        "        main()\n"
    )
    results = tree(tmp_path, _files(config) | {"agency.py": agency})
    assert not any(r.changed for r in results.values())
    reasons = " ".join(s.reason for r in results.values() for s in key_sites(r))
    assert "agency.py:10 sets HUBSPOT_API_KEY" in reasons
