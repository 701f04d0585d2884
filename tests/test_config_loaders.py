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


# -- a variable named by the project's JSON config file ----------------------

SETTINGS = """\
import functools
import json
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    hubspot_api_key: str
    hubspot_base_url: str
    stripe_key: str


@functools.lru_cache(maxsize=1)
def get_settings(path="config/settings.json"):
    with open(path) as fh:
        raw = json.load(fh)
    return Settings(
        hubspot_api_key=os.environ[raw["hubspot"]["api_key_env"]],
        hubspot_base_url=raw["hubspot"]["base_url"],
        stripe_key=os.environ.get(raw["stripe"]["api_key_env"], ""),
    )
"""

API = """\
import requests

from revops.settings import get_settings


class HubSpotAPI:
    def __init__(self, settings=None):
        self.settings = settings or get_settings()

    def get(self, path):
        params = {"hapikey": self.settings.hubspot_api_key}
        return requests.get(self.settings.hubspot_base_url + path, params=params)


api = HubSpotAPI.__new__(HubSpotAPI)


def client():
    if not hasattr(api, "settings"):
        api.__init__()
    return api
"""

OWNERS = """\
from revops.hubspot_api import client


def owners():
    return client().get("/owners/v2/owners").json()
"""

JSON = """\
{
  "hubspot": {"api_key_env": "HUBSPOT_API_KEY", "base_url": "https://api.hubapi.com"},
  "stripe": {"api_key_env": "STRIPE_SECRET_KEY"}
}
"""


def json_project(**changed: str) -> dict[str, str]:
    files = {
        "src/revops/__init__.py": "",
        "src/revops/settings.py": SETTINGS,
        "src/revops/hubspot_api.py": API,
        "src/revops/owners.py": OWNERS,
        "src/config/settings.json": JSON,
    }
    return {**files, **changed}


def test_a_variable_named_by_the_projects_json_file(tmp_path):
    out = tree(tmp_path, json_project())
    settings = migrated(out["src/revops/settings.py"])
    assert 'hubspot_api_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in settings
    # the other service's key, named by the same file, is untouched
    assert 'stripe_key=os.environ.get(raw["stripe"]["api_key_env"], "")' in settings
    api = migrated(out["src/revops/hubspot_api.py"])
    assert "hapikey" not in api and "Bearer" in api
    assert "api.__init__()" in api  # set up with the defaults: hands in nothing
    assert statuses(out) == {Status.REWRITE}, reasons(out)


JSON_SCENARIO = '''\
"""A settings dataclass whose key variable the project's JSON file names, the
default object of a client; a caller's own object (another portal's)."""
import os

ENV = {"HUBSPOT_API_KEY": "key-main", "STRIPE_SECRET_KEY": "sk-1"}

RESPONSES = [{"method": "GET", "url": r"/owners/v2/owners", "json": []}]

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "src"))


def case_configured(credential):
    from revops.owners import owners

    owners()


def case_callers_object(credential):
    from revops.hubspot_api import HubSpotAPI
    from revops.settings import Settings

    HubSpotAPI(Settings(credential("emea"), "https://api.hubapi.com", "")).get("/owners/v2/owners")
'''


def test_the_json_named_variable_behaves_as_before_with_the_token(tmp_path):
    files = json_project()
    files["scenario.py"] = JSON_SCENARIO
    behaves(tmp_path / "revops", files, manual=0)


def test_a_caller_giving_another_config_file_stays(tmp_path):
    owners = OWNERS + (
        "\n\ndef staging():\n"
        "    from revops.settings import get_settings\n\n"
        '    return get_settings("config/staging.json")\n'
    )
    out = tree(tmp_path, json_project(**{"src/revops/owners.py": owners}))
    assert_all_left(out, "another path")


def test_a_json_naming_a_developer_key_stays(tmp_path):
    developer = JSON.replace("HUBSPOT_API_KEY", "HUBSPOT_DEVELOPER_API_KEY")
    out = tree(tmp_path, json_project(**{"src/config/settings.json": developer}))
    assert_all_left(
        out, "fills stripe_key from the key's variable, not hubspot_api_key"
    )


def test_two_config_files_where_the_program_may_run_stay(tmp_path):
    other = JSON.replace("HUBSPOT_API_KEY", "HUBSPOT_SANDBOX_API_KEY")
    out = tree(tmp_path, json_project(**{"config/settings.json": other}))
    assert_all_left(out, "does not fill one field of Settings")


def test_a_loaded_file_written_into_stays(tmp_path):
    settings = SETTINGS.replace(
        "        raw = json.load(fh)\n",
        "        raw = json.load(fh)\n"
        '    raw["hubspot"]["api_key_env"] = os.environ.get("KEY_VAR", "X_KEY")\n',
    )
    out = tree(tmp_path, json_project(**{"src/revops/settings.py": settings}))
    assert_all_left(out, "does not fill one field of Settings")


def test_a_missing_config_file_stays(tmp_path):
    files = json_project()
    del files["src/config/settings.json"]
    out = tree(tmp_path, files)
    assert_all_left(out, "does not fill one field of Settings")


def test_a_module_instance_set_up_again_with_arguments_stays(tmp_path):
    api = API.replace("api.__init__()", "api.__init__(get_settings())")
    out = tree(tmp_path, json_project(**{"src/revops/hubspot_api.py": api}))
    assert Status.REWRITE not in statuses(out), reasons(out)
    assert "by .__init__" in reasons(out)


def test_the_section_holding_the_variable_handed_to_a_function_stays(tmp_path):
    settings = (
        SETTINGS.replace(
            "        raw = json.load(fh)\n",
            '        raw = json.load(fh)\n    _overlay(raw["hubspot"])\n',
        )
        + '\n\ndef _overlay(section):\n    section["api_key_env"] = "HUBSPOT_OTHER_KEY"\n'
    )
    out = tree(tmp_path, json_project(**{"src/revops/settings.py": settings}))
    assert_all_left(
        out, "fills stripe_key from the key's variable, not hubspot_api_key"
    )


def test_another_sections_value_handed_to_a_function_is_a_read(tmp_path):
    settings = SETTINGS.replace(
        'hubspot_base_url=raw["hubspot"]["base_url"]',
        'hubspot_base_url=str(raw["hubspot"]["base_url"])',
    )
    assert "str(raw" in settings
    out = tree(tmp_path, json_project(**{"src/revops/settings.py": settings}))
    assert statuses(out) == {Status.REWRITE}, reasons(out)
