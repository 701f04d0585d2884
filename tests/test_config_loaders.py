"""A configured object's key field handed on as it is to another module's
client that takes a token (:mod:`hapimigrate.analysis.config_loaders`):
``hub = AsyncHubSpot(cfg.hubspot_key)`` with ``cfg = cfg or config.from_env()``.
The client sends it as a Bearer token, the factory reads the token where it
read the key; a field also read otherwise (logged, in a string, handed to a
function that is no token taker), a second portal's field, a copy with a
tenant's key, keep everything as it is, saying why."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, migrated, tree

CONFIG = """\
import os
from dataclasses import dataclass


@dataclass
class Config:
    hubspot_key: str
    provider_token: str
    concurrency: int = 5


def from_env():
    return Config(
        hubspot_key=os.environ["HUBSPOT_API_KEY"],
        provider_token=os.environ["FIRMO_TOKEN"],
    )
"""

CLIENT = """\
import requests

HUBSPOT = "https://api.hubapi.com"


class HubSpot:
    def __init__(self, api_key):
        self.session = requests.Session()
        self.session.params = {"hapikey": api_key}

    def owners(self):
        return self.session.get(HUBSPOT + "/owners/v2/owners").json()
"""

RUN = """\
import requests

from . import config
from .hubspot import HubSpot


def main(cfg=None):
    cfg = cfg or config.from_env()
    hub = HubSpot(cfg.hubspot_key)
    requests.get(
        "https://firmo.example.com/v2/find",
        headers={"Authorization": "Bearer " + cfg.provider_token},
    )
    return hub.owners()
"""


def project(**changed: str) -> dict[str, str]:
    files = {
        "app/__init__.py": "",
        "app/config.py": CONFIG,
        "app/hubspot.py": CLIENT,
        "app/run.py": RUN,
    }
    return {**files, **changed}


def statuses(results: dict) -> set:
    return {s.status for r in results.values() for s in key_sites(r)}


def reasons(results: dict) -> str:
    return "\n".join(s.reason for r in results.values() for s in key_sites(r))


def assert_all_left(out: dict, *words: str) -> None:
    assert Status.REWRITE not in statuses(out), reasons(out)
    assert not any(r.changed for r in out.values())
    for word in words:
        assert word in reasons(out), (word, reasons(out))


def test_a_field_handed_to_a_token_taker_is_sent_as_the_token(tmp_path):
    out = tree(tmp_path, project())
    config = migrated(out["app/config.py"])
    assert 'hubspot_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in config
    assert 'provider_token=os.environ["FIRMO_TOKEN"]' in config  # untouched
    assert "HUBSPOT_API_KEY" not in config
    client = migrated(out["app/hubspot.py"])
    assert "hapikey" not in client and "Bearer" in client
    assert not out["app/run.py"].changed  # it hands on the same field
    assert statuses(out) == {Status.REWRITE}, reasons(out)


def test_an_aliased_import_and_a_keyword_argument(tmp_path):
    run = RUN.replace(
        "from .hubspot import HubSpot\n", "from .hubspot import HubSpot as Hub\n"
    ).replace("HubSpot(cfg.hubspot_key)", "Hub(api_key=cfg.hubspot_key)")
    out = tree(tmp_path, project(**{"app/run.py": run}))
    assert statuses(out) == {Status.REWRITE}, reasons(out)
    assert "HUBSPOT_ACCESS_TOKEN" in migrated(out["app/config.py"])


SCENARIO = '''\
"""A config object from the environment whose key field main() hands to a
client taking a token; a caller's own object (another portal's)."""
ENV = {"HUBSPOT_API_KEY": "key-main", "FIRMO_TOKEN": "firmo-1"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": []},
    {"method": "GET", "url": r"firmo", "json": {}},
]


def case_configured(credential):
    from app.run import main

    main()


def case_callers_object(credential):
    from app.config import Config
    from app.run import main

    main(Config(hubspot_key=credential("emea"), provider_token="firmo-2"))
'''


def test_behaves_as_before_with_the_token_and_a_callers_own_object(tmp_path):
    files = {f"src/{name}": text for name, text in project().items()}
    files["scenario.py"] = SCENARIO
    behaves(tmp_path / "enrich", files, manual=0)


def test_the_field_also_logged_stays(tmp_path):
    run = RUN.replace(
        "    hub = HubSpot(cfg.hubspot_key)\n",
        "    hub = HubSpot(cfg.hubspot_key)\n    print(cfg.hubspot_key[-4:])\n",
    )
    out = tree(tmp_path, project(**{"app/run.py": run}))
    assert_all_left(out, "reads .hubspot_key other than to send it")


def test_the_field_also_in_a_string_of_the_same_statement_stays(tmp_path):
    run = RUN.replace(
        "HubSpot(cfg.hubspot_key)",
        'HubSpot(cfg.hubspot_key) if print(f"{cfg.hubspot_key}") is None else None',
    )
    out = tree(tmp_path, project(**{"app/run.py": run}))
    assert_all_left(out, "reads .hubspot_key other than to send it")


def test_the_field_handed_to_a_function_taking_no_token_stays(tmp_path):
    audit = (
        "import requests\n\n\ndef audit(key):\n"
        '    requests.post("https://audit.example.com/keys", json={"k": key})\n'
    )
    run = RUN.replace(
        "from .hubspot import HubSpot\n",
        "from .audit import audit\nfrom .hubspot import HubSpot\n",
    ).replace(
        "    hub = HubSpot(cfg.hubspot_key)\n",
        "    hub = HubSpot(cfg.hubspot_key)\n    audit(cfg.hubspot_key)\n",
    )
    out = tree(tmp_path, project(**{"app/run.py": run, "app/audit.py": audit}))
    assert_all_left(out, "reads .hubspot_key other than to send it")


def test_a_name_rebound_in_the_module_is_no_token_taker(tmp_path):
    run = RUN + "\n\ndef HubSpot(key):\n    return key\n"
    out = tree(tmp_path, project(**{"app/run.py": run}))
    assert not out["app/config.py"].changed  # the local HubSpot takes a key


def test_a_copy_with_a_tenants_key_stays(tmp_path):
    tenants = (
        "import dataclasses\n\nfrom .config import from_env\n\n\n"
        "def for_tenant(tenant):\n"
        "    return dataclasses.replace(from_env(), hubspot_key=tenant.key)\n"
    )
    out = tree(tmp_path, project(**{"app/tenants.py": tenants}))
    assert_all_left(out, "copies an object with another hubspot_key")


def test_two_portals_key_fields_stay(tmp_path):
    config = CONFIG.replace(
        "    provider_token: str\n",
        "    provider_token: str\n    sandbox_key: str = ''\n",
    ).replace(
        '        provider_token=os.environ["FIRMO_TOKEN"],\n',
        '        provider_token=os.environ["FIRMO_TOKEN"],\n'
        '        sandbox_key=os.environ["HUBSPOT_SANDBOX_API_KEY"],\n',
    )
    out = tree(tmp_path, project(**{"app/config.py": config}))
    assert_all_left(out, "does not fill one field of Config")


def test_the_object_also_made_by_a_caller_with_another_key_stays(tmp_path):
    tools = (
        "import os\n\nfrom .config import Config\n\n"
        'EU = Config(hubspot_key=os.environ["HUBSPOT_EU_KEY"], provider_token="")\n'
    )
    out = tree(tmp_path, project(**{"app/tools.py": tools}))
    assert_all_left(out, "Config is also made at tools.py:5")
