"""Keys read from modules and objects the tool does not walk: a project
module outside the tree (a git-ignored ``const.py``, a module of the file's
own package) read by a plain attribute (:mod:`hapimigrate.analysis.project_values`);
and the near misses that stay manual (a name the tree writes per tenant, two
keys of one module, per-request state, an SDK's attribute, a longer chain, a
class attribute a subclass or a setter replaces)."""

from __future__ import annotations

from pathlib import Path

from hapimigrate import providers, run
from hapimigrate.model import FileResult, Kind, RunOptions, Status

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))
TOKEN = 'os.environ["HUBSPOT_ACCESS_TOKEN"]'
CONTACTS = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"


def migrate(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[FileResult, str]]:
    """Migrate a tree: {name: (its result, its text after)}."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    paths = sorted(str(tmp_path / name) for name in files if name.endswith(".py"))
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        name = Path(result.path).relative_to(tmp_path).as_posix()
        text = result.new.decode() if result.changed else files[name]
        out[name] = (result, text)
    return out


def key_sites(result: FileResult) -> list[tuple[int, Status, str]]:
    """The key sites (HubSpot calls, notes and leftover settings aside)."""
    return [
        (s.line, s.status, s.reason)
        for s in result.sites
        if s.kind not in (Kind.CALL, Kind.VERSION, Kind.SETTING)
    ]


def statuses(result: FileResult) -> set[Status]:
    return {status for _, status, _ in key_sites(result)}


# --- a git-ignored const.py of keys ------------------------------------------------

SCRIPT = (
    "import requests\n"
    "import const\n\n"
    "hapikey = const.apikey\n\n\n"
    "def companies(limit):\n"
    "    url = 'https://api.hubapi.com/companies/v2/companies/paged'\n"
    "    return requests.get(url, params={'hapikey': hapikey, 'limit': limit})\n\n\n"
    "def delete(company_id):\n"
    "    url = 'https://api.hubapi.com/companies/v2/companies/' + str(company_id)"
    " + '?hapikey=' + hapikey\n"
    "    return requests.delete(url)\n\n\n"
    "def reset():\n"
    "    if const.production_mode:\n"
    "        return 0\n"
    "    for company in companies(5).json()['companies']:\n"
    "        delete(company['companyId'])\n"
)


def test_a_value_of_a_git_ignored_const_module_becomes_the_token(tmp_path):
    # realcorpus5 unnamed-48644356659/func.py: const.py holds the keys and is
    # not in the repository
    result, text = migrate(tmp_path, {"func.py": SCRIPT})["func.py"]
    assert statuses(result) == {Status.REWRITE}
    assert "hapikey" not in text
    assert text.count(TOKEN) == 2
    assert "const.production_mode" in text  # the module's other uses stay


def test_the_name_imported_from_the_const_module_becomes_the_token(tmp_path):
    source = (
        "import requests\n"
        "from keys import hubspot_key\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': hubspot_key}})\n"
    )
    result, text = migrate(tmp_path, {"app.py": source})["app.py"]
    assert statuses(result) == {Status.REWRITE}
    assert TOKEN in text and "hapikey" not in text


def test_a_const_module_of_the_package_imported_relatively_becomes_the_token(
    tmp_path,
):
    source = (
        "import requests\n"
        "from . import const\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': const.apikey}})\n"
    )
    files = {"app/__init__.py": "", "app/sync.py": source}
    result, text = migrate(tmp_path, files)["app/sync.py"]
    assert statuses(result) == {Status.REWRITE}
    assert TOKEN in text


def test_a_local_secrets_module_shadowing_the_standard_one_is_the_configuration(
    tmp_path,
):
    source = (
        "import requests\n"
        "import secrets\n\n"
        "URL = 'https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=%s'\n\n\n"
        "def contacts():\n"
        "    return requests.get(URL % secrets.hubspot_key)\n"
    )
    result, text = migrate(tmp_path, {"app.py": source})["app.py"]
    assert statuses(result) == {Status.REWRITE}


# --- a class attribute of a module of the file's own package -----------------------

PIPELINE = (
    "import requests\n"
    "from crawler.spiders.emails import EmailsSpider\n\n\n"
    "class HubspotPipeline(object):\n"
    "    apikey = EmailsSpider.hskey\n"
    "    host = 'api.hubapi.com'\n\n"
    "    def create_list(self, name):\n"
    "        uri = 'https://{}/contacts/v1/lists?hapikey={}'.format(self.host, self.apikey)\n"
    "        return self.hubspot_post(uri, {'name': name})\n\n"
    "    def hubspot_post(self, uri, js):\n"
    "        return requests.post(uri, json=js)\n"
)


def test_a_class_attribute_of_a_module_of_the_own_package_becomes_the_token(
    tmp_path,
):
    # realcorpus5 unnamed-6453406532/crawler/pipelines.py (a Scrapy project
    # whose spiders/emails.py is not in the tree)
    files = {"crawler/__init__.py": "", "crawler/pipelines.py": PIPELINE}
    result, text = migrate(tmp_path, files)["crawler/pipelines.py"]
    assert statuses(result) == {Status.REWRITE}
    assert "hapikey" not in text and TOKEN in text


def test_the_class_attribute_set_by_another_module_of_the_package_stays_manual(
    tmp_path,
):
    files = {
        "crawler/__init__.py": "",
        "crawler/pipelines.py": PIPELINE,
        "crawler/setup.py": (
            "from crawler.spiders.emails import EmailsSpider\n\n\n"
            "def configure(portal):\n"
            "    EmailsSpider.hskey = portal.key\n"
        ),
    }
    result, text = migrate(tmp_path, files)["crawler/pipelines.py"]
    assert statuses(result) == {Status.MANUAL}
    assert "EmailsSpider.hskey is set by crawler/setup.py:5" in key_sites(result)[0][2]
    assert text == PIPELINE


def test_the_class_attribute_replaced_by_a_subclass_setter_stays_manual(tmp_path):
    subclass = (
        "\n\nclass TenantPipeline(HubspotPipeline):\n"
        "    def open_spider(self, spider):\n"
        "        self.apikey = spider.tenant_key\n"
    )
    files = {"crawler/__init__.py": "", "crawler/pipelines.py": PIPELINE + subclass}
    result, _ = migrate(tmp_path, files)["crawler/pipelines.py"]
    assert statuses(result) == {Status.MANUAL}


def test_the_class_attribute_replaced_by_a_subclass_attribute_stays_manual(
    tmp_path,
):
    subclass = (
        "\n\nclass OtherPortalPipeline(HubspotPipeline):\n"
        "    apikey = EmailsSpider.other_portal_key\n"
    )
    files = {"crawler/__init__.py": "", "crawler/pipelines.py": PIPELINE + subclass}
    result, _ = migrate(tmp_path, files)["crawler/pipelines.py"]
    assert statuses(result) == {Status.MANUAL}


def test_a_class_of_a_module_of_another_package_stays_manual(tmp_path):
    # scrapy_hubspot.spiders is not the crawler package's: a library's class
    source = PIPELINE.replace("crawler.spiders.emails", "scrapy_hubspot.spiders")
    files = {"crawler/__init__.py": "", "crawler/pipelines.py": source}
    result, _ = migrate(tmp_path, files)["crawler/pipelines.py"]
    assert statuses(result) == {Status.MANUAL}


# --- near misses -------------------------------------------------------------------


def test_the_const_value_the_tree_writes_per_tenant_stays_manual(tmp_path):
    files = {
        "func.py": SCRIPT,
        "runner.py": (
            "import const\n"
            "import func\n\n\n"
            "def run(tenant):\n"
            "    const.apikey = tenant.hubspot_key\n"
            "    func.reset()\n"
        ),
    }
    result, text = migrate(tmp_path, files)["func.py"]
    assert statuses(result) == {Status.MANUAL}
    assert text == SCRIPT


def test_the_const_value_set_by_setattr_or_in_the_module_stays_manual(tmp_path):
    setattr_files = {
        "func.py": SCRIPT,
        "tenants.py": (
            "import const\n\n\n"
            "def use(portal):\n"
            "    setattr(const, 'apikey', portal.key)\n"
        ),
    }
    result, _ = migrate(tmp_path / "a", setattr_files)["func.py"]
    assert statuses(result) == {Status.MANUAL}
    own = SCRIPT + (
        "\n\nif __name__ == '__main__':\n"
        "    import sys\n"
        "    const.apikey = sys.argv[1]\n"
        "    reset()\n"
    )
    result, _ = migrate(tmp_path / "b", {"func.py": own})["func.py"]
    assert statuses(result) == {Status.MANUAL}
    assert "is set at line" in key_sites(result)[0][2]


def test_two_keys_of_one_const_module_stay_manual(tmp_path):
    source = (
        "import requests\n"
        "import const\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': const.apikey}})\n\n\n"
        "def deals():\n"
        "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
        " params={'hapikey': const.apikey2})\n"
    )
    result, _ = migrate(tmp_path, {"app.py": source})["app.py"]
    assert statuses(result) == {Status.MANUAL}
    assert all("several keys" in reason for _, _, reason in key_sites(result))


def test_two_keys_of_one_const_module_in_two_modules_stay_manual(tmp_path):
    one = (
        "import requests\n"
        "import const\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': const.apikey}})\n"
    )
    two = one.replace("const.apikey", "const.apikey_eu")
    out = migrate(tmp_path, {"us.py": one, "eu.py": two})
    assert statuses(out["us.py"][0]) == {Status.MANUAL}
    assert statuses(out["eu.py"][0]) == {Status.MANUAL}


def test_per_request_state_and_sdk_objects_stay_manual(tmp_path):
    source = (
        "import requests\n"
        "import hubspot\n"
        "from flask import g, session\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': g.api_key}})\n\n\n"
        "def deals():\n"
        "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
        " params={'hapikey': session.api_key})\n\n\n"
        "def owners():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': hubspot.api_key})\n"
    )
    result, text = migrate(tmp_path, {"app.py": source})["app.py"]
    assert statuses(result) == {Status.MANUAL}
    assert text == source


def test_other_modules_outside_the_tree_stay_manual(tmp_path):
    source = (
        "import requests\n"
        "import const\n"
        "import helpers\n"
        "import tenant_keys\n"
        "from app import hub\n\n\n"
        "def a():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': helpers.apikey}})\n\n\n"
        "def b():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': tenant_keys.apikey}})\n\n\n"
        "def c():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': const.client.api_key}})\n\n\n"
        "def d():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': hub.api_key}})\n"
    )
    result, text = migrate(tmp_path, {"script.py": source})["script.py"]
    assert statuses(result) == {Status.MANUAL}
    assert text == source


# --- a credentials dict the class fills with a literal ------------------------------

HANDLER = (
    "from hubspot import HubSpot\n\n\n"
    "class DataHandler:\n"
    "    def __init__(self):\n"
    "        self.elasticsearch_credentials = {'host': 'localhost', 'password': 'changeme'}\n"
    "        self.hubspot_credentials = {\n"
    "            'api_key': 'your_api_key'\n"
    "        }\n\n"
    "    def notify_admin(self, data):\n"
    "        client = HubSpot(api_key=self.hubspot_credentials['api_key'])\n"
    "        return client.crm.contacts.basic_api.create(data)\n\n"
    "    def notify_user(self, data):\n"
    "        client = HubSpot(api_key=self.hubspot_credentials['api_key'])\n"
    "        return client.crm.contacts.basic_api.create(data)\n"
)


def test_a_credentials_dict_filled_with_a_literal_becomes_the_token(tmp_path):
    # realcorpus9 unnamed-47782218261/data_handler.py
    result, text = migrate(tmp_path, {"handler.py": HANDLER})["handler.py"]
    assert statuses(result) == {Status.REWRITE}
    assert text.count(f"HubSpot(access_token={TOKEN})") == 2
    assert "api_key=" not in text


def test_a_credentials_dict_holding_a_real_key_becomes_the_token_and_is_reported(
    tmp_path,
):
    source = HANDLER.replace("your_api_key", "0b8e1f2a-1111-2222-3333-444455556666")
    result, text = migrate(tmp_path, {"handler.py": source})["handler.py"]
    assert statuses(result) == {Status.REWRITE}
    assert text.count(f"HubSpot(access_token={TOKEN})") == 2


def test_the_literal_credentials_dict_written_per_tenant_later_stays_manual(tmp_path):
    in_class = HANDLER + (
        "\n    def use(self, tenant):\n"
        "        self.hubspot_credentials['api_key'] = tenant.hubspot_key\n"
    )
    result, text = migrate(tmp_path / "a", {"handler.py": in_class})["handler.py"]
    assert statuses(result) == {Status.MANUAL}
    assert text == in_class
    outside = HANDLER + (
        "\n\ndef for_tenant(tenant, data):\n"
        "    handler = DataHandler()\n"
        "    handler.hubspot_credentials['api_key'] = tenant.hubspot_key\n"
        "    return handler.notify_admin(data)\n"
    )
    result, text = migrate(tmp_path / "b", {"handler.py": outside})["handler.py"]
    assert statuses(result) == {Status.MANUAL}
    other_module = {
        "handler.py": HANDLER,
        "tenants.py": (
            "from handler import DataHandler\n\n\n"
            "def for_tenant(tenant):\n"
            "    handler = DataHandler()\n"
            "    handler.hubspot_credentials.update(api_key=tenant.hubspot_key)\n"
            "    return handler\n"
        ),
    }
    result, text = migrate(tmp_path / "c", other_module)["handler.py"]
    assert statuses(result) == {Status.MANUAL}


def test_two_slots_left_blank_in_one_credentials_dict_stay_manual(tmp_path):
    # two placeholders to fill in: two portals' keys, not one
    source = (
        "from hubspot import HubSpot\n\n\n"
        "class Handler:\n"
        "    def __init__(self):\n"
        "        self.creds = {'api_key': 'your_api_key', 'eu_api_key': 'your_api_key'}\n\n"
        "    def us(self):\n"
        "        return HubSpot(api_key=self.creds['api_key'])\n\n"
        "    def eu(self):\n"
        "        return HubSpot(api_key=self.creds['eu_api_key'])\n"
    )
    result, text = migrate(tmp_path, {"h.py": source})["h.py"]
    assert statuses(result) == {Status.MANUAL}
    assert all("several keys" in reason for _, _, reason in key_sites(result))


def test_a_credentials_slot_holding_a_dict_read_whole_stays_manual(tmp_path):
    source = (
        "from hubspot import HubSpot\n\n\n"
        "class Handler:\n"
        "    def __init__(self):\n"
        "        self.creds = {'hubspot': {'api_key': 'your_api_key'}}\n\n"
        "    def use(self, tenant):\n"
        "        hub = self.creds['hubspot']\n"
        "        hub['api_key'] = tenant.key\n\n"
        "    def us(self):\n"
        "        return HubSpot(api_key=self.creds['hubspot']['api_key'])\n"
    )
    result, text = migrate(tmp_path, {"h.py": source})["h.py"]
    assert statuses(result) == {Status.MANUAL}


# --- query tails formatted with % ---------------------------------------------------

DEALS = (
    "import os\n\n"
    "import requests\n\n"
    "BASE = 'https://api.hubapi.com'\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
    "def deals(limit=None, offset=None):\n"
    "    options = ''\n"
    "    if limit:\n"
    "        options = '&limit=%d' % limit\n"
    "    if offset:\n"
    "        options += '&offset=%(offset)s&archived=%%s' % {'offset': offset}\n"
    "    url = BASE + '/deals/v1/deal/paged?includeAssociations=true&' + 'hapikey=' + KEY + options\n"
    "    return requests.get(url).json()\n\n\n"
    "def owners(email):\n"
    "    return requests.get(BASE + '/owners/v2/owners?hapikey=' + KEY + '&email=%s' % email)\n"
)


def test_a_query_tail_formatted_with_percent_is_kept_after_the_key(tmp_path):
    # review 26, low qt1: '&limit=%d' % limit tails stayed manual
    result, text = migrate(tmp_path, {"api.py": DEALS})["api.py"]
    assert statuses(result) == {Status.REWRITE}
    assert (
        "url = BASE + '/deals/v1/deal/paged?includeAssociations=true' + options" in text
    )
    assert "'/owners/v2/owners?' + '&email=%s' % email" in text
    assert "hapikey" not in text


def test_a_formatted_tail_that_may_hold_a_key_or_a_name_stays_manual(tmp_path):
    for tail in (
        "'&hapi' 'key=%s' % KEY",  # the key again
        "'&%s=%s' % (name, value)",  # a parameter named at run time
        "'%s' % extra",  # whatever the caller gives
        "'&limit=%q' % value",  # a conversion Python does not know
        "b'&limit=%d' % value",  # bytes
    ):
        source = (
            "import os\n\n"
            "import requests\n\n"
            "KEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
            "def owners(name, value, extra):\n"
            "    url = 'https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY + "
            f"{tail}\n"
            "    return requests.get(url)\n"
        )
        result, text = migrate(tmp_path, {"api.py": source})["api.py"]
        assert statuses(result) == {Status.MANUAL}, tail
        assert text == source


# --- a params dict in another module's dict entry: a precise reason -----------------


def test_a_params_dict_in_a_dict_another_module_imports_names_that_module(tmp_path):
    # realcorpus9 nickolasteixeira__Basic_ETL: inputs.py's kwargs['params'] is
    # kept by hubspot.py on self.params, its offset changed, and sent
    inputs = (
        "base = 'https://api.hubapi.com'\n"
        "endpoints = '/engagements/v1/engagements/paged?'\n"
        "params = {'hapikey': 'demo'}\n"
        "kwargs = {\n"
        "    'base': base,\n"
        "    'endpoints': endpoints,\n"
        "    'params': params,\n"
        "    'offset': 0}\n"
    )
    sender = (
        "import requests\n"
        "from inputs import kwargs\n\n\n"
        "class Hubspot:\n"
        "    def __init__(self, kwargs):\n"
        "        self.url = kwargs['base'] + kwargs['endpoints']\n"
        "        self.params = kwargs['params']\n\n"
        "    def engagements(self, offset):\n"
        "        self.params['offset'] = offset\n"
        "        return requests.get(self.url, params=self.params)\n\n\n"
        "Hubspot(kwargs).engagements(0)\n"
    )
    out = migrate(tmp_path, {"inputs.py": inputs, "hubspot.py": sender})
    result, text = out["inputs.py"]
    assert statuses(result) == {Status.MANUAL}
    assert text == inputs
    (reason,) = {reason for _, _, reason in key_sites(result)}
    assert "a dict entry (kwargs['params'], imported by hubspot.py)" in reason
    assert "demo" not in reason


def test_a_class_attribute_of_a_row_or_account_class_of_the_package_stays_manual(
    tmp_path,
):
    for imported, read in (
        ("from crawler.models import Account", "Account.api_key"),
        ("from crawler.db import Hubspot", "Hubspot.hubspot_key"),
        ("from crawler.spiders.emails import PortalSpider", "PortalSpider.hskey"),
    ):
        source = PIPELINE.replace(
            "from crawler.spiders.emails import EmailsSpider", imported
        ).replace("EmailsSpider.hskey", read)
        files = {"crawler/__init__.py": "", "crawler/pipelines.py": source}
        result, text = migrate(tmp_path / read, files)["crawler/pipelines.py"]
        assert statuses(result) == {Status.MANUAL}, read
        assert text == source


def test_one_name_of_two_const_modules_is_two_keys(tmp_path):
    source = (
        "import requests\n"
        "import const\n"
        "import sandbox_const\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': const.apikey}})\n\n\n"
        "def sandbox_contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': sandbox_const.apikey}})\n"
    )
    result, text = migrate(tmp_path, {"app.py": source})["app.py"]
    assert statuses(result) == {Status.MANUAL}
    assert all("several keys" in reason for _, _, reason in key_sites(result))


def test_one_const_name_read_in_three_spellings_is_one_key(tmp_path):
    files = {
        "app/__init__.py": "",
        "app/a.py": (
            "import requests\n"
            "from app import const\n\n\n"
            "def contacts():\n"
            f"    return requests.get('{CONTACTS}', params={{'hapikey': const.apikey}})\n"
        ),
        "app/b.py": (
            "import requests\n"
            "from app.const import apikey\n\n\n"
            "def deals():\n"
            "    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
            " params={'hapikey': apikey})\n"
        ),
    }
    out = migrate(tmp_path, files)
    assert statuses(out["app/a.py"][0]) == {Status.REWRITE}
    assert statuses(out["app/b.py"][0]) == {Status.REWRITE}


def test_a_name_the_package_init_binds_is_not_a_missing_module(tmp_path):
    source = (
        "import requests\n"
        "from . import keys\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': keys.hubspot}})\n"
    )
    files = {
        "app/__init__.py": "from .vault import load\n\nkeys = load()\n",
        "app/sync.py": source,
    }
    result, text = migrate(tmp_path, files)["app/sync.py"]
    assert statuses(result) == {Status.MANUAL}
    assert text == source


def test_a_const_module_the_tree_holds_out_of_the_imports_sight_stays_manual(
    tmp_path,
):
    # shared/const.py reached through sys.path, or through a path set outside
    source = (
        "import requests\n"
        "import const\n\n\n"
        "def contacts():\n"
        f"    return requests.get('{CONTACTS}', params={{'hapikey': const.apikey}})\n"
    )
    files = {
        "scripts/app.py": source,
        "shared/const.py": "import os\n\napikey = os.environ.get('TENANT_KEY')\n",
        "requirements.txt": "requests\n",
    }
    result, text = migrate(tmp_path / "a", files)["scripts/app.py"]
    assert statuses(result) == {Status.MANUAL}
    assert text == source
    appended = "import sys\nsys.path.append('/etc/app')\n" + source
    result, text = migrate(tmp_path / "b", {"app.py": appended})["app.py"]
    assert statuses(result) == {Status.MANUAL}


def test_the_const_value_a_runner_in_another_folder_writes_stays_manual(tmp_path):
    files = {
        "func.py": SCRIPT,
        "requirements.txt": "requests\n",
        "jobs/nightly.py": (
            "import sys\n"
            "sys.path.insert(0, '..')\n"
            "import const\n"
            "import func\n\n"
            "for portal in ('a', 'b'):\n"
            "    const.apikey = portal\n"
            "    func.reset()\n"
        ),
    }
    result, text = migrate(tmp_path, files)["func.py"]
    assert statuses(result) == {Status.MANUAL}
    assert "is set by jobs/nightly.py:7" in key_sites(result)[0][2]
