"""A key that is a field of a configured settings object (issue #12,
:mod:`hapimigrate.analysis.configured_objects`): a client taking the object
now sends the field as a token, and the factory making it reads the token
where it read the key; or, where one condition fails, everything stays,
saying why."""

from __future__ import annotations

import pytest

from hapimigrate import name_uses
from hapimigrate.model import Status
from tests.trees import behaves, key_sites, migrated, tree

CONFIG = """\
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"


def load():
    return HubSpotSettings(api_key=os.environ["HUBSPOT_API_KEY"])
"""

CLIENT = """\
import requests


class HubSpotAPI(object):
    def __init__(self, settings):
        self.settings = settings

    def get(self, path, **params):
        params["hapikey"] = self.settings.api_key
        return requests.get(self.settings.base_url + path, params=params).json()
"""

MAIN = """\
from app import config
from app.client import HubSpotAPI


def main():
    return HubSpotAPI(config.load()).get("/crm/v3/owners/")
"""


def project(**changed: str) -> dict[str, str]:
    files = {
        "app/__init__.py": "",
        "app/config.py": CONFIG,
        "app/client.py": CLIENT,
        "app/main.py": MAIN,
    }
    return {**files, **changed}


def statuses(results: dict) -> set:
    return {s.status for r in results.values() for s in key_sites(r)}


def reasons(results: dict) -> str:
    return "\n".join(s.reason for r in results.values() for s in key_sites(r))


def test_the_factory_reads_the_token_and_the_client_sends_the_field(tmp_path):
    out = tree(tmp_path, project())
    config = migrated(out["app/config.py"])
    assert 'api_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in config
    assert "HUBSPOT_API_KEY" not in config
    client = migrated(out["app/client.py"])
    assert '"Authorization": "Bearer " + self.settings.api_key' in client
    assert "hapikey" not in client
    assert not out["app/main.py"].changed  # the call hands in the same object
    (site,) = key_sites(out["app/main.py"])
    assert site.status == Status.REWRITE
    assert "load() of config.py makes, whose api_key becomes" in site.reason
    (said,) = key_sites(out["app/config.py"])
    assert "HubSpotSettings.api_key holds the provider's token now" in said.reason


SCENARIO = '''\
"""A settings dataclass made by a factory from the environment, handed to a
client of another module; a second portal's object made by the caller."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_configured(credential):
    from app.main import main

    main()


def case_other_portal(credential):
    from app.client import HubSpotAPI
    from app.config import HubSpotSettings

    HubSpotAPI(HubSpotSettings(api_key=credential("emea"))).get("/crm/v3/owners/")
'''


def test_behaves_as_before_with_the_token_and_a_callers_own_object(tmp_path):
    files = {f"src/{name}": text for name, text in project().items()}
    files["scenario.py"] = SCENARIO
    behaves(tmp_path / "settings", files, manual=0)


FROM_ENV = """\
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"

    @classmethod
    def from_env(cls):
        key = os.environ.get("HUBSPOT_API_KEY")
        if not key:
            raise RuntimeError("HUBSPOT_API_KEY is not set")
        return cls(api_key=key, base_url=os.environ.get("HUBSPOT_URL", cls.base_url))
"""


def test_a_classmethod_factory_through_a_local_only_tested(tmp_path):
    main = MAIN.replace(
        "from app import config", "from app.config import HubSpotSettings"
    )
    main = main.replace("config.load()", "HubSpotSettings.from_env()")
    out = tree(tmp_path, project(**{"app/config.py": FROM_ENV, "app/main.py": main}))
    config = migrated(out["app/config.py"])
    assert 'key = os.environ.get("HUBSPOT_ACCESS_TOKEN")' in config  # as leniently
    assert 'os.environ.get("HUBSPOT_URL", cls.base_url)' in config  # the host stays
    assert "Bearer" in migrated(out["app/client.py"])


def test_a_test_building_it_with_a_made_up_key_is_a_fake_token(tmp_path):
    test = (
        "from app.client import HubSpotAPI\n"
        "from app.config import HubSpotSettings\n\n\n"
        "def test_get():\n"
        '    api = HubSpotAPI(HubSpotSettings(api_key="test-key"))\n'
        "    assert api.settings.base_url\n"
    )
    out = tree(tmp_path, project(**{"tests/test_client.py": test}))
    assert "HUBSPOT_ACCESS_TOKEN" in migrated(out["app/config.py"])


def assert_all_left(out: dict, *words: str) -> None:
    assert statuses(out) == {Status.MANUAL}, reasons(out)
    assert not any(r.changed for r in out.values())
    for word in words:
        assert word in reasons(out), (word, reasons(out))


def test_made_elsewhere_with_another_key_stays(tmp_path):
    tools = (
        "import os\n\nfrom app.config import HubSpotSettings\n\n"
        'SANDBOX = HubSpotSettings(api_key=os.environ["HUBSPOT_SANDBOX_KEY"])\n'
    )
    out = tree(tmp_path, project(**{"app/tools.py": tools}))
    assert_all_left(out, "HubSpotSettings is also made at tools.py:5")


def test_the_field_read_for_something_else_stays(tmp_path):
    audit = (
        "import requests\n\nfrom app import config\n\n\n"
        "def audit():\n"
        '    requests.post("https://audit.example.com/", json={"k": config.load().api_key})\n'
    )
    out = tree(tmp_path, project(**{"app/audit.py": audit}))
    assert_all_left(out, "audit.py:7 reads .api_key other than to send it")


def test_a_copy_with_another_key_stays(tmp_path):
    sandbox = (
        "import dataclasses\n\nfrom app import config\n\n"
        "def sandbox(key):\n"
        "    return dataclasses.replace(config.load(), api_key=key)\n"
    )
    out = tree(tmp_path, project(**{"app/sandbox.py": sandbox}))
    assert_all_left(out, "copies an object with another api_key")


def test_a_factory_choosing_between_two_keys_stays(tmp_path):
    two = CONFIG.replace(
        'api_key=os.environ["HUBSPOT_API_KEY"]',
        'api_key=os.environ.get("HUBSPOT_API_KEY") or os.environ["HUBSPOT_SANDBOX_KEY"]',
    )
    out = tree(tmp_path, project(**{"app/config.py": two}))
    assert_all_left(out, "load() does not fill one field of HubSpotSettings from")


def test_a_developer_key_field_is_never_the_token(tmp_path):
    developer = CONFIG.replace(
        "    api_key: str\n", "    api_key: str\n    developer_key: str = ''\n"
    ).replace(
        'api_key=os.environ["HUBSPOT_API_KEY"])',
        'api_key=os.environ["HUBSPOT_API_KEY"],\n'
        '        developer_key=os.environ["HUBSPOT_DEVELOPER_KEY"])',
    )
    out = tree(tmp_path, project(**{"app/config.py": developer}))
    config = migrated(out["app/config.py"])
    assert 'developer_key=os.environ["HUBSPOT_DEVELOPER_KEY"]' in config
    assert 'api_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in config


def test_a_developer_key_field_sent_is_not_made_the_token(tmp_path):
    developer = CONFIG.replace("api_key", "developer_key").replace(
        "HUBSPOT_API_KEY", "HUBSPOT_DEVELOPER_KEY"
    )
    client = CLIENT.replace(".api_key", ".developer_key")
    out = tree(
        tmp_path, project(**{"app/config.py": developer, "app/client.py": client})
    )
    # a guard: developer keys were kept before this rule, and still are
    assert not any(r.changed for r in out.values())
    assert statuses(out) == {Status.KEPT}, reasons(out)


def test_an_owner_sending_the_field_from_two_places_stays(tmp_path):
    """The second request goes to a host its callers give: it stays a key
    site, so the field must stay the key."""
    client = CLIENT + (
        "\n    def raw(self, url):\n"
        '        return requests.get(url + "?hapikey=" + self.settings.api_key).json()\n'
    )
    out = tree(tmp_path, project(**{"app/client.py": client}))
    assert_all_left(out, "HubSpotAPI sends .api_key from 2 places in client.py")


def test_a_field_read_without_its_name_stays(tmp_path):
    dump = (
        "import dataclasses\n\nfrom app import config\n\n\n"
        "def dump():\n"
        "    return dataclasses.asdict(config.load())\n"
    )
    out = tree(tmp_path, project(**{"app/dump.py": dump}))
    assert_all_left(out, "dump.py:7 reads objects' fields without naming them")


def test_a_settings_module_naming_no_hubspot_host(tmp_path):
    """Its module holds no key site of its own: it is run for the factory."""
    bare = CONFIG.replace('    base_url: str = "https://api.hubapi.com"\n', "")
    client = CLIENT.replace(
        "self.settings.base_url + path", '"https://api.hubapi.com" + path'
    )
    out = tree(tmp_path, project(**{"app/config.py": bare, "app/client.py": client}))
    assert 'api_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in migrated(
        out["app/config.py"]
    )
    assert "Bearer" in migrated(out["app/client.py"])


def test_a_second_run_changes_nothing(tmp_path):
    out = tree(tmp_path, project())
    for name, result in out.items():
        if result.changed:
            (tmp_path / name).write_bytes(result.new)
    again = tree(tmp_path, {})
    assert not any(r.changed for r in again.values())
    assert Status.MANUAL not in statuses(again), reasons(again)


def test_an_object_bound_once_to_a_name_before_it_is_handed_on(tmp_path):
    main = MAIN.replace(
        '    return HubSpotAPI(config.load()).get("/crm/v3/owners/")\n',
        "    cfg = config.load()\n"
        "    print(cfg.base_url)\n"
        '    return HubSpotAPI(cfg).get("/crm/v3/owners/")\n',
    )
    out = tree(tmp_path, project(**{"app/main.py": main}))
    assert "HUBSPOT_ACCESS_TOKEN" in migrated(out["app/config.py"])
    assert "Bearer" in migrated(out["app/client.py"])


def test_a_name_bound_twice_stays(tmp_path):
    main = MAIN.replace(
        '    return HubSpotAPI(config.load()).get("/crm/v3/owners/")\n',
        "    cfg = config.load()\n"
        "    if sandbox:\n"
        "        cfg = sandbox\n"
        '    return HubSpotAPI(cfg).get("/crm/v3/owners/")\n',
    ).replace("def main():", "def main(sandbox=None):")
    out = tree(tmp_path, project(**{"app/main.py": main}))
    assert not out["app/config.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)


def test_a_module_whose_use_of_the_client_stays_keeps_the_factory(tmp_path):
    """Another module hands the client on as a value: the client keeps its
    key, so the factory keeps reading it (no object holding a token sent as
    hapikey)."""
    jobs = (
        "from app import config\nfrom app.client import HubSpotAPI\n\n"
        "MAKERS = [HubSpotAPI]\n\n\n"
        "def run():\n"
        '    return [make(config.load()).get("/crm/v3/owners/") for make in MAKERS]\n'
    )
    out = tree(tmp_path, project(**{"app/jobs.py": jobs}))
    assert not out["app/config.py"].changed
    assert not out["app/client.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)


# -- the object as a default: settings or config.load() (issue #12) -----------

DEFAULTED = """\
import requests

from app import config


class HubSpotAPI(object):
    def __init__(self, settings=None):
        self.settings = settings or config.load()

    def get(self, path, **params):
        params["hapikey"] = self.settings.api_key
        return requests.get(self.settings.base_url + path, params=params).json()
"""

MAIN_DEFAULT = """\
from app.client import HubSpotAPI


def main():
    return HubSpotAPI().get("/crm/v3/owners/")
"""


def defaulted(**changed: str) -> dict[str, str]:
    return project(
        **{"app/client.py": DEFAULTED, "app/main.py": MAIN_DEFAULT, **changed}
    )


def test_a_default_object_from_a_factory_holds_the_token(tmp_path):
    out = tree(tmp_path, defaulted())
    config = migrated(out["app/config.py"])
    assert 'api_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in config
    client = migrated(out["app/client.py"])
    assert '"Authorization": "Bearer " + self.settings.api_key' in client
    assert "settings or config.load()" in client  # the default stays
    assert "hapikey" not in client
    assert not out["app/main.py"].changed
    assert statuses(out) == {Status.REWRITE}, reasons(out)
    assert "callers pass access tokens now" in reasons(out)


DEFAULT_SCENARIO = '''\
"""A client whose settings default to a factory's object; a caller's own
object (a second portal) passed in."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_default(credential):
    from app.main import main

    main()


def case_other_portal(credential):
    from app.client import HubSpotAPI
    from app.config import HubSpotSettings

    HubSpotAPI(HubSpotSettings(api_key=credential("emea"))).get("/crm/v3/owners/")
'''


def test_a_default_object_behaves_as_before_with_the_token(tmp_path):
    files = {f"src/{name}": text for name, text in defaulted().items()}
    files["scenario.py"] = DEFAULT_SCENARIO
    behaves(tmp_path / "default", files, manual=0)


def test_a_default_object_classmethod_and_a_caller_passing_the_same(tmp_path):
    client = DEFAULTED.replace(
        "from app import config", "from app.config import HubSpotSettings"
    ).replace("config.load()", "HubSpotSettings.from_env()")
    main = (
        "from app.config import HubSpotSettings\n"
        + MAIN_DEFAULT
        + (
            "\n\ndef again():\n"
            '    return HubSpotAPI(HubSpotSettings.from_env()).get("/crm/v3/owners/")\n'
        )
    )
    out = tree(
        tmp_path,
        defaulted(
            **{"app/config.py": FROM_ENV, "app/client.py": client, "app/main.py": main}
        ),
    )
    config = migrated(out["app/config.py"])
    assert 'key = os.environ.get("HUBSPOT_ACCESS_TOKEN")' in config  # as leniently
    assert "Bearer" in migrated(out["app/client.py"])
    assert statuses(out) == {Status.REWRITE}, reasons(out)


def test_a_default_object_with_another_made_by_a_caller_stays(tmp_path):
    main = MAIN_DEFAULT + (
        "\n\ndef sandbox():\n"
        "    import os\n\n"
        "    from app.config import HubSpotSettings\n\n"
        '    key = os.environ["HUBSPOT_SANDBOX_KEY"]\n'
        '    return HubSpotAPI(HubSpotSettings(api_key=key)).get("/crm/v3/owners/")\n'
    )
    out = tree(tmp_path, defaulted(**{"app/main.py": main}))
    assert not out["app/config.py"].changed
    assert not out["app/client.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)
    assert "HubSpotSettings is also made at main.py" in reasons(out)


def test_a_default_objects_field_read_elsewhere_stays(tmp_path):
    check = (
        "from app import config\n\n\n"
        "def check():\n"
        "    if not config.load().api_key:\n"
        '        raise SystemExit("no key")\n'
    )
    out = tree(tmp_path, defaulted(**{"app/check.py": check}))
    assert_all_left(out, "check.py:5 reads .api_key other than to send it")


def test_a_default_object_of_a_factory_reading_two_keys_stays(tmp_path):
    two = CONFIG.replace(
        'api_key=os.environ["HUBSPOT_API_KEY"]',
        'api_key=os.environ.get("HUBSPOT_API_KEY") or os.environ["HUBSPOT_SANDBOX_KEY"]',
    )
    out = tree(tmp_path, defaulted(**{"app/config.py": two}))
    assert_all_left(
        out,
        "by default the object config.load() makes",
        "load() does not fill one field",
    )


def test_a_default_object_with_a_test_building_a_made_up_one(tmp_path):
    test = (
        "from app.client import HubSpotAPI\n"
        "from app.config import HubSpotSettings\n\n\n"
        "def test_get():\n"
        '    api = HubSpotAPI(HubSpotSettings(api_key="test-key"))\n'
        "    assert api.settings.base_url\n"
    )
    out = tree(tmp_path, defaulted(**{"tests/test_client.py": test}))
    assert "HUBSPOT_ACCESS_TOKEN" in migrated(out["app/config.py"])
    assert statuses(out) == {Status.REWRITE}, reasons(out)


PREFIXED = """\
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"

    @classmethod
    def from_env(cls, prefix="HUBKIT_"):
        key = os.environ.get(prefix + "API_KEY")
        if not key:
            raise RuntimeError(f"{prefix}API_KEY is not set")
        return cls(api_key=key)
"""

CLIENT_PREFIXED = DEFAULTED.replace(
    "from app import config", "from app.config import HubSpotSettings"
).replace("config.load()", "HubSpotSettings.from_env()")


def test_a_variable_named_by_a_parameters_default(tmp_path):
    """``prefix + "API_KEY"``: every call in the tree leaves the prefix, so the
    factory reads HUBKIT_API_KEY, the one key."""
    files = {"app/config.py": PREFIXED, "app/client.py": CLIENT_PREFIXED}
    out = tree(tmp_path, defaulted(**files))
    config = migrated(out["app/config.py"])
    assert 'key = os.environ["HUBSPOT_ACCESS_TOKEN"]' in config
    assert "Bearer" in migrated(out["app/client.py"])


def test_a_call_giving_another_prefix_stays(tmp_path):
    main = (
        "from app.config import HubSpotSettings\n" + MAIN_DEFAULT + "\n\n"
        "def emea():\n"
        '    return HubSpotAPI(HubSpotSettings.from_env("EMEA_")).get("/crm/v3/owners/")\n'
    )
    files = {"app/config.py": PREFIXED, "app/client.py": CLIENT_PREFIXED}
    out = tree(tmp_path, defaulted(**files, **{"app/main.py": main}))
    assert_all_left(out, "main.py:10 gives HubSpotSettings.from_env() another prefix")


ENV_ALIAS = """\
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"


def load(environ=None):
    env = os.environ if environ is None else environ
    return HubSpotSettings(
        api_key=env["HUBSPOT_API_KEY"], base_url=env.get("HUBSPOT_URL", "https://api.hubapi.com")
    )
"""


def test_a_mapping_that_is_the_environment_unless_a_caller_gives_one(tmp_path):
    out = tree(tmp_path, defaulted(**{"app/config.py": ENV_ALIAS}))
    config = migrated(out["app/config.py"])
    assert 'api_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in config
    assert 'env.get("HUBSPOT_URL"' in config
    assert "Bearer" in migrated(out["app/client.py"])


def test_a_caller_giving_its_own_mapping_stays(tmp_path):
    main = MAIN_DEFAULT + (
        "\n\ndef sandbox(values):\n"
        "    from app import config\n\n"
        '    return HubSpotAPI(config.load(values)).get("/crm/v3/owners/")\n'
    )
    out = tree(tmp_path, defaulted(**{"app/config.py": ENV_ALIAS, "app/main.py": main}))
    assert_all_left(out, "main.py:11 gives load() another environ")


SDK_AND_PARAMS = """\
import requests
from hubspot import HubSpot

from app import config


class HubSpotAPI(object):
    def __init__(self, settings=None):
        self.settings = settings or config.load()
        self.sdk = HubSpot(api_key=self.settings.api_key)

    def _params(self, **extra):
        return dict(hapikey=self.settings.api_key, **extra)

    def get(self, path):
        return requests.get(self.settings.base_url + path, params=self._params()).json()
"""


def test_a_default_object_sent_by_an_sdk_client_and_a_request(tmp_path):
    out = tree(tmp_path, defaulted(**{"app/client.py": SDK_AND_PARAMS}))
    assert 'api_key=os.environ["HUBSPOT_ACCESS_TOKEN"]' in migrated(
        out["app/config.py"]
    )
    client = migrated(out["app/client.py"])
    assert "HubSpot(access_token=self.settings.api_key)" in client
    assert "Bearer" in client and "hapikey" not in client


def test_a_default_object_one_of_whose_sends_stays_keeps_its_factory(tmp_path):
    """The second request goes to a host its callers give: a key site left for
    a person, so the object keeps the key (and the other request with it)."""
    client = DEFAULTED + (
        "\n    def raw(self, url):\n"
        '        return requests.get(url + "?hapikey=" + self.settings.api_key).json()\n'
    )
    out = tree(tmp_path, defaulted(**{"app/client.py": client}))
    assert not out["app/config.py"].changed
    assert not out["app/client.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)


def test_an_owner_held_by_a_later_pass_keeps_its_default_factory(tmp_path):
    """Whatever the tree-wide passes decide for the client (another module
    naming it other than in a bare call), the factory's object holds a token
    only if the client sends it as one: never the token sent as hapikey."""
    users = (
        "from app.client import HubSpotAPI\n\n\n"
        "def owners(api: HubSpotAPI):\n"
        '    return api.get("/crm/v3/owners/")\n'
    )
    out = tree(tmp_path, defaulted(**{"app/users.py": users}))
    client = out["app/client.py"]
    assert out["app/config.py"].changed == client.changed
    sent = {s.status for s in key_sites(client)}
    assert sent == ({Status.REWRITE} if client.changed else {Status.MANUAL})


def test_modules_naming_the_client_in_annotations_only_hand_it_nothing(tmp_path):
    """``def owners(api: HubSpotAPI)``: a type, not a call that may hand the
    client another object (hubkit's resource modules)."""
    users = (
        "from typing import Optional\n\n"
        "from app.client import HubSpotAPI\n\n\n"
        "class Owners:\n"
        "    def __init__(self, api: HubSpotAPI) -> None:\n"
        "        self.api = api\n\n"
        "    def all(self) -> list:\n"
        '        return self.api.get("/crm/v3/owners/")\n\n\n'
        "def make() -> HubSpotAPI:\n"
        "    api: HubSpotAPI = HubSpotAPI()\n"
        "    return api\n"
    )
    out = tree(tmp_path, defaulted(**{"app/users.py": users}))
    assert "HUBSPOT_ACCESS_TOKEN" in migrated(out["app/config.py"])
    assert "Bearer" in migrated(out["app/client.py"])


@pytest.mark.parametrize(
    "text, passes",
    [
        (b"def f(api: HubSpotAPI, x=1) -> HubSpotAPI:\n    return api\n", False),
        (b"async def f(\n    api: HubSpotAPI,\n):\n    pass\n", False),
        (b"api: HubSpotAPI = make()\n", False),
        (b"def f(x={'a': HubSpotAPI}):\n    pass\n", True),
        (b"def f(api: HubSpotAPI = HubSpotAPI(key)):\n    pass\n", True),
        (b"else: HubSpotAPI\n", True),
        (b"x = {1: HubSpotAPI}\n", True),
    ],
    ids=["parameter", "multiline", "variable", "default_dict", "default", "kw", "dict"],
)
def test_an_annotation_hands_the_class_nothing(text, passes):
    assert name_uses.may_pass_arguments("pkg/mod.py", text, "HubSpotAPI") is passes


SAME_MODULE = """\
import os
from dataclasses import dataclass

import requests


@dataclass(frozen=True)
class Settings:
    api_key: str
    base_url: str = "https://api.hubapi.com"

    @classmethod
    def from_env(cls):
        return cls(api_key=os.environ["HUBSPOT_API_KEY"])


SETTINGS = Settings.from_env()


class Client:
    def __init__(self, settings=None):
        self.settings = settings or SETTINGS

    def get(self, path):
        params = {"hapikey": self.settings.api_key}
        return requests.get(self.settings.base_url + path, params=params).json()
"""

SAME_MAIN = """\
from app.client import Client


def main():
    return Client().get("/crm/v3/owners/")
"""


def same_module(**changed: str) -> dict[str, str]:
    files = {"app/__init__.py": "", "app/client.py": SAME_MODULE}
    return {**files, "app/main.py": SAME_MAIN, **changed}


def test_a_default_object_made_once_in_the_senders_module(tmp_path):
    """``settings or SETTINGS``, ``SETTINGS = Settings.from_env()`` above it:
    the factory of the same module reads the token (once, at import, as it
    read the key)."""
    out = tree(tmp_path, same_module())
    client = migrated(out["app/client.py"])
    assert 'cls(api_key=os.environ["HUBSPOT_ACCESS_TOKEN"])' in client
    assert '"Bearer " + self.settings.api_key' in client
    assert "hapikey" not in client
    assert statuses(out) == {Status.REWRITE}, reasons(out)


SAME_SCENARIO = '''\
"""A client defaulting to the module's settings object; a caller's own."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_default(credential):
    from app.main import main

    main()


def case_other_portal(credential):
    from app.client import Client, Settings

    Client(Settings(api_key=credential("emea"))).get("/crm/v3/owners/")
'''


def test_a_default_object_made_once_behaves_as_before(tmp_path):
    files = {f"src/{name}": text for name, text in same_module().items()}
    files["scenario.py"] = SAME_SCENARIO
    behaves(tmp_path / "same", files, manual=0)


def test_a_module_object_a_test_patches_stays(tmp_path):
    test = (
        "from unittest import mock\n\n"
        "from app import client\n\n\n"
        "def test_get():\n"
        '    with mock.patch.object(client, "SETTINGS", object()):\n'
        "        pass\n"
    )
    out = tree(tmp_path, same_module(**{"tests/test_client.py": test}))
    assert_all_left(out, "may replace SETTINGS")


def test_a_module_object_whose_send_stays_keeps_its_factory(tmp_path):
    """The second request goes to a host the caller gives: the module's
    factory is blocked by its own module (no other module to say so)."""
    client = SAME_MODULE + (
        "\n    def raw(self, url):\n"
        '        return requests.get(url + "?hapikey=" + self.settings.api_key)\n'
    )
    out = tree(tmp_path, same_module(**{"app/client.py": client}))
    assert not out["app/client.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)
    assert "stays the key where Settings.from_env() makes it" in reasons(out)


HANDS_ON = """\
import requests

from app import config


def fetch(key, path):
    return requests.get("https://api.hubapi.com" + path, params={"hapikey": key}).json()


class HubSpotAPI(object):
    def __init__(self, settings=None):
        self.settings = settings or config.load()

    def owners(self):
        return fetch(self.settings.api_key, "/crm/v3/owners/")
"""


def test_a_default_objects_field_handed_on_to_a_key_parameter(tmp_path):
    """``fetch(self.settings.api_key)``: the field of the default object goes
    on to a function that would send it as a token; its factory must then
    make it one, or nothing changes (never the key sent as 'Bearer')."""
    main = "from app.client import HubSpotAPI\n\n\ndef main():\n"
    main += "    return HubSpotAPI().owners()\n"
    out = tree(tmp_path, project(**{"app/client.py": HANDS_ON, "app/main.py": main}))
    assert not out["app/client.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)
    assert "by default the object config.load() makes" in reasons(out)


def test_a_default_objects_field_or_the_environment_stays(tmp_path):
    """``self.settings.api_key or os.environ[...]``: the field (of the caller's
    object, or of the default one holding the key) comes first; not the
    caller's value by default the provider's token."""
    client = DEFAULTED.replace(
        'params["hapikey"] = self.settings.api_key',
        'params["hapikey"] = self.settings.api_key or os.environ["HUBSPOT_API_KEY"]',
    ).replace("import requests\n", "import os\n\nimport requests\n")
    out = tree(tmp_path, defaulted(**{"app/client.py": client}))
    assert not out["app/client.py"].changed
    assert not out["app/config.py"].changed
    assert Status.REWRITE not in statuses(out), reasons(out)
