"""Client classes subclassed in other modules (issue #12): a base class whose
constructor takes the key, resource clients subclassing it in another module,
and a facade or an app building them in a third. Each subclass inherits the
constructor, so its callers pass tokens too; it changes only with its base, and
the base only when every subclass and every caller can. A subclass (or a
caller) that changes what the base's requests read, or reads the key itself,
keeps the whole hierarchy as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status
from tests.behaviour.compare import OK
from tests.behaviour.harness import Settings, run_project

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))

BASE = (
    "import requests\n"
    "class BaseClient(object):\n"
    "    base_url = 'https://api.hubapi.com'\n"
    "    def __init__(self, api_key, timeout=10):\n"
    "        self.api_key = api_key\n"
    "        self.timeout = timeout\n"
    "    def get(self, path):\n"
    "        return requests.get(self.base_url + path,\n"
    "                            params={'hapikey': self.api_key}, timeout=self.timeout)\n"
)
RESOURCES = (
    "from base import BaseClient\n"
    "class ContactsClient(BaseClient):\n"
    "    def owners(self):\n"
    "        return self.get('/owners/v2/owners')\n"
)
APP = (
    "import os\n"
    "from resources import ContactsClient\n"
    "def owners():\n"
    "    return ContactsClient(os.environ['HUBSPOT_API_KEY']).owners()\n"
)


def migrate(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[list, str]]:
    """Migrate a tree: {name: (its key sites' statuses, its text after)}."""
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    paths = sorted(str(tmp_path / name) for name in files)
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        name = Path(result.path).name
        statuses = [
            s.status for s in result.sites if s.kind.value not in ("call", "version")
        ]
        out[name] = (statuses, result.new.decode() if result.changed else files[name])
    return out


def test_a_hierarchy_over_four_modules_runs_with_the_token_only():
    """fixtures/subclass_carriers: base, resource subclasses (one of another),
    a facade with a factory, an app; migrated with `apply` and run before and
    after with recording fakes."""
    result = run_project(ROOT / "fixtures" / "subclass_carriers", Settings())
    assert not result.errors, result.errors
    assert result.counts.manual == result.counts.unparsed == 0
    assert result.counts.rewrite >= 7
    assert [v.label for v in result.verdicts if v.kind != OK] == []
    assert len(result.verdicts) >= 3


def test_a_subclass_in_another_module_passes_on_its_callers_tokens(tmp_path):
    out = migrate(tmp_path, {"base.py": BASE, "resources.py": RESOURCES, "app.py": APP})
    assert out["base.py"][0] == [Status.REWRITE]
    assert "Bearer" in out["base.py"][1] and "hapikey" not in out["base.py"][1]
    assert out["resources.py"] == ([Status.REWRITE], RESOURCES)  # nothing to write
    assert out["app.py"][0] == [Status.REWRITE]
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in out["app.py"][1]


STAYS = {
    # the subclass sends to another host: the base would send it the token
    "a subclass sets the base URL": {
        "resources.py": RESOURCES.replace(
            "    def owners", "    base_url = 'https://crm.example.com'\n    def owners"
        )
    },
    "a subclass sets it on its instances": {
        "resources.py": RESOURCES
        + "    def use_mirror(self):\n        self.base_url = 'https://mirror.test'\n"
    },
    # its own constructor may do anything with the key
    "a subclass has its own constructor": {
        "resources.py": RESOURCES
        + "    def __init__(self, key):\n        BaseClient.__init__(self, key[::-1])\n"
    },
    # the key is sent as the key by the subclass itself
    "a subclass reads the key": {
        "resources.py": RESOURCES
        + "    def audit(self):\n"
        + "        return self.get('/audit?portal_key=' + self.api_key)\n"
    },
    "a subclass has another base": {
        "resources.py": "class Mixin(object):\n    pass\n"
        + RESOURCES.replace("(BaseClient)", "(Mixin, BaseClient)")
    },
    "a subclass is decorated": {
        "resources.py": "import functools\n"
        + RESOURCES.replace(
            "class Contacts", "@functools.total_ordering\nclass Contacts"
        )
    },
    # callers that send it elsewhere, or pass what is not the configured key
    "a caller gives another host": {
        "app.py": APP.replace(
            "ContactsClient(os.environ['HUBSPOT_API_KEY'])",
            "ContactsClient(os.environ['HUBSPOT_API_KEY'], base_url='http://localhost:9')",
        )
    },
    "a caller sets the host on an instance": {
        "app.py": APP.replace(
            "    return ContactsClient(os.environ['HUBSPOT_API_KEY']).owners()\n",
            "    c = ContactsClient(os.environ['HUBSPOT_API_KEY'])\n"
            "    c.base_url = os.environ['CRM_URL']\n    return c.owners()\n",
        )
    },
    "a caller passes a key read from elsewhere": {
        "app.py": "import vault\n"
        + APP
        + "def other():\n    return ContactsClient(vault.read('hubspot')).owners()\n"
    },
    "a caller hands the class on": {
        "app.py": APP + "def make(factory=ContactsClient):\n    return factory\n"
    },
    "a subclass makes its own instances": {
        "resources.py": RESOURCES
        + "    @classmethod\n    def sandbox(cls):\n"
        + "        import os\n        return cls(os.environ['HUBSPOT_SANDBOX_API_KEY'])\n"
    },
    "a subclass sets the host read through type(self)": {
        "base.py": BASE.replace("self.base_url + path", "type(self).base_url + path"),
        "resources.py": RESOURCES.replace(
            "    def owners",
            "    base_url = 'https://mirror.example.com'\n    def owners",
        ),
    },
    "a caller sets the host on an instance it holds": {
        "app.py": APP.replace(
            "    return ContactsClient(os.environ['HUBSPOT_API_KEY']).owners()\n",
            "    hub = Hub()\n    hub.contacts = ContactsClient(os.environ['HUBSPOT_API_KEY'])\n"
            "    hub.contacts.base_url = os.environ['CRM_URL']\n"
            "    return hub.contacts.owners()\n",
        )
        + "class Hub:\n    pass\n"
    },
    # a class attribute the base reads, set to what could name a host
    "a subclass's ENDPOINT is another host's URL": {
        "base.py": BASE.replace(
            "self.base_url + path", "self.base_url + self.ENDPOINT + path"
        ).replace("    base_url =", "    ENDPOINT = ''\n    base_url ="),
        "resources.py": RESOURCES.replace(
            "    def owners",
            "    ENDPOINT = '//mirror.example.com/owners'\n    def owners",
        ),
    },
    "a subclass's HOST is a bare host name": {
        "base.py": BASE.replace(
            "self.base_url + path", "'https://' + self.HOST + path"
        ).replace("    base_url =", "    HOST = 'api.hubapi.com'\n    base_url ="),
        "resources.py": RESOURCES.replace(
            "    def owners", "    HOST = 'hubspot.mirror.example.com'\n    def owners"
        ),
    },
    "a subclass's ENDPOINT is built at run time": {
        "base.py": BASE.replace(
            "self.base_url + path", "self.base_url + self.ENDPOINT + path"
        ).replace("    base_url =", "    ENDPOINT = ''\n    base_url ="),
        "resources.py": "import os\n"
        + RESOURCES.replace(
            "    def owners", "    ENDPOINT = os.environ['PREFIX']\n    def owners"
        ),
    },
    "a subclass of the subclass sets the host": {
        "more.py": "from resources import ContactsClient\n"
        "class Mirror(ContactsClient):\n    base_url = 'https://mirror.test'\n"
    },
}


@pytest.mark.parametrize("change", list(STAYS.values()), ids=list(STAYS))
def test_a_hierarchy_stays_whole_when_one_part_cannot_change(tmp_path, change):
    files = {"base.py": BASE, "resources.py": RESOURCES, "app.py": APP, **change}
    out = migrate(tmp_path, files)
    assert out["base.py"] == ([Status.MANUAL], files["base.py"])
    assert out["app.py"][1] == files["app.py"]
    assert Status.REWRITE not in [s for statuses, _ in out.values() for s in statuses]


def test_a_factory_called_without_arguments_hands_in_no_key(tmp_path):
    facade = (
        "import os\nfrom resources import ContactsClient\n"
        "class Hub(object):\n"
        "    def __init__(self, key):\n        self.contacts = ContactsClient(key)\n"
        "    @classmethod\n"
        "    def from_env(cls):\n        return cls(os.environ['HUBSPOT_API_KEY'])\n"
    )
    app = "from facade import Hub\ndef owners():\n    return Hub.from_env().contacts.owners()\n"
    files = {"base.py": BASE, "resources.py": RESOURCES, "facade.py": facade}
    out = migrate(tmp_path, {**files, "app.py": app})
    assert out["base.py"][0] == [Status.REWRITE]
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in out["facade.py"][1]
    # a method given arguments may hand in a key: the hierarchy stays
    app = "from facade import Hub\ndef owners(k):\n    return Hub.with_key(k)\n"
    out = migrate(tmp_path, {**files, "app.py": app})
    assert out["base.py"] == ([Status.MANUAL], BASE)


@pytest.mark.parametrize(
    "endpoint", ["'/owners/v2'", "'owners/v2'", "'https://api.hubapi.com/owners/v2'"]
)
def test_a_subclass_setting_the_path_its_base_reads_keeps_the_host(tmp_path, endpoint):
    """``ENDPOINT = "contacts/v1"`` on each resource client: a path literal (or a
    URL of HubSpot's API) cannot take the request to another host, so the
    hierarchy migrates; the subclass's attribute stays as written."""
    base = BASE.replace(
        "self.base_url + path", "self.base_url + '/' + self.ENDPOINT.strip('/') + path"
    ).replace("    base_url =", "    ENDPOINT = ''\n    base_url =")
    if "https" in endpoint:
        base = base.replace("self.base_url + '/' + ", "")
    resources = RESOURCES.replace(
        "    def owners", f"    ENDPOINT = {endpoint}\n    def owners"
    ).replace("'/owners/v2/owners'", "'/owners'")
    files = {"base.py": base, "resources.py": resources, "app.py": APP}
    out = migrate(tmp_path, files)
    assert out["base.py"][0] == [Status.REWRITE]
    assert out["resources.py"] == ([Status.REWRITE], resources)
    assert out["app.py"][0] == [Status.REWRITE]
