"""A key-named global of a module the tree does not hold (``import const`` then
``const.apikey``) or a key-named attribute of a class imported from one
(``EmailsSpider.hskey``) is one value for the whole process: the app's
configured key, exactly as ``from const import APIKEY`` already is (sample 5:
a ``const`` module, a Scrapy spider's class attribute). It becomes the
provider's token. An object's attribute (``client.api_key`` of ``from lib
import client``), a table's entry, a per-tenant name, or a global the package
writes at run time (``const.apikey = portal.key``) may be anyone's key: those
stay for a person."""

from __future__ import annotations

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status

TOKEN = 'os.environ["HUBSPOT_ACCESS_TOKEN"]'
URL = "https://api.hubapi.com/companies/v2/companies"


def _tree(folder, files: dict[str, str]):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    paths = sorted(str(folder / n) for n in files)
    results = list(run.results(paths, RunOptions(providers.resolve(None)), jobs=1))
    return {r.path.rsplit("/", 1)[-1]: r for r in results}


def _key_sites(result):
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


CONST_SCRIPT = (
    "import requests\nimport const\n\n"
    "hapikey = const.apikey\n\n"
    "def companies(target):\n"
    "    params = {'hapikey': hapikey, 'limit': 5, 'properties': target}\n"
    f"    return requests.get('{URL}/paged', params=params).json()\n\n"
    "def delete(company_id):\n"
    f"    url = '{URL}/' + str(company_id) + '?hapikey=' + const.apikey\n"
    "    return requests.delete(url)\n"
)
SPIDER_PIPELINE = (
    "import requests\nfrom crawler.spiders.emails import EmailsSpider\n\n"
    "class HubspotPipeline:\n"
    "    def process_item(self, item, spider):\n"
    "        apikey = EmailsSpider.hskey\n"
    "        url = 'https://api.hubapi.com/contacts/v1/contact/?hapikey=' + apikey\n"
    "        requests.post(url, json={'properties': item['properties']})\n"
    "        return item\n"
)


@pytest.mark.parametrize(
    "source", [CONST_SCRIPT, SPIDER_PIPELINE], ids=["module global", "class attribute"]
)
def test_an_outside_modules_key_global_is_the_configured_key(tmp_path, source):
    result = _tree(tmp_path, {"crm.py": source})["crm.py"]
    sites = _key_sites(result)
    assert sites and all(s.status == Status.REWRITE for s in sites), sites
    new = result.new.decode()
    assert TOKEN in new
    assert "hapikey" not in new and ".apikey" not in new and ".hskey" not in new


NOT_ONE_KEY = {
    # an object of another library: whatever it holds, per user perhaps
    "an imported object's attribute": "from somelib import registry\n",
    # a table of keys, not one key
    "a global table's entry": "import const\n",
    # the name says per tenant
    "a per-tenant global": "import const\n",
}
NOT_ONE_KEY_READ = {
    "an imported object's attribute": "registry.api_key",
    "a global table's entry": "const.apikeys['eu']",
    "a per-tenant global": "const.tenant_key",
}


@pytest.mark.parametrize("shape", sorted(NOT_ONE_KEY))
def test_other_imported_values_are_left_for_a_person(tmp_path, shape):
    source = (
        NOT_ONE_KEY[shape]
        + "import requests\n\ndef owners():\n"
        + "    return requests.get('https://api.hubapi.com/owners/v2/owners', "
        + "params={'hapikey': "
        + NOT_ONE_KEY_READ[shape]
        + "})\n"
    )
    result = _tree(tmp_path, {"crm.py": source})["crm.py"]
    (site,) = _key_sites(result)
    assert site.status == Status.MANUAL, site
    assert result.new is None


def test_a_global_the_package_writes_at_run_time_is_left_for_a_person(tmp_path):
    results = _tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/crm.py": CONST_SCRIPT,
            # middleware setting the portal's key per request
            "app/middleware.py": "import const\n\n"
            "def before_request(portal):\n    const.apikey = portal.hubspot_key\n",
        },
    )
    sites = _key_sites(results["crm.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    assert results["crm.py"].new is None


def test_a_global_this_module_writes_is_left_for_a_person(tmp_path):
    source = CONST_SCRIPT + "\ndef use(portal):\n    setattr(const, 'apikey', portal)\n"
    result = _tree(tmp_path, {"crm.py": source})["crm.py"]
    sites = _key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    assert result.new is None
