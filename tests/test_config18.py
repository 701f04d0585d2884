"""Keys read from a configuration object the process builds once
(:mod:`hapimigrate.analysis.config_objects`): an Airflow DAG's JSON Variable
converted at its top level, a class filling a credentials dict from the
environment; and the near misses that stay manual (a tenant's config in a
loop, two portals' keys in one config, a dict filled from a caller's value,
written from outside, aliased and changed)."""

from __future__ import annotations

from pathlib import Path

from hapimigrate import providers, run
from hapimigrate.model import FileResult, Kind, RunOptions, Status

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))
TOKEN = 'os.environ["HUBSPOT_ACCESS_TOKEN"]'


def migrate(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[FileResult, str]]:
    """Migrate a tree: {name: (its result, its text after)}."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    paths = sorted(str(tmp_path / name) for name in files)
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


# --- an Airflow DAG: the JSON Variable read once when the DAG module loads -------

DAG = (
    "import json\n"
    "import logging\n\n"
    "import requests\n"
    "from airflow import DAG\n"
    "from airflow.models import Variable\n"
    "from airflow.operators.python_operator import PythonOperator\n\n"
    "config = Variable.get('hubspot_forms_config')\n"
    "config = json.loads(config)\n\n\n"
    "def _extract_forms(**kwargs):\n"
    "    response = requests.get(\n"
    "        url='https://api.hubapi.com/forms/v2/forms',\n"
    "        headers={'accept': 'application/json'},\n"
    "        params={'hapikey': config['hubspot_api_key']},\n"
    "    )\n"
    "    logging.info('fetched %s forms', len(response.json()))\n"
    "    return response.json()\n\n\n"
    "def _extract_crm(**kwargs):\n"
    "    response = requests.get(\n"
    "        url=f\"https://api.hubapi.com/crm/v3/properties/{kwargs['object']}\",\n"
    "        params={'hapikey': config['hubspot_api_key'], 'archived': 'false'},\n"
    "    )\n"
    "    return response.json()\n\n\n"
    "with DAG('hubspot_forms', schedule_interval='@daily') as dag:\n"
    "    PythonOperator(task_id='forms', python_callable=_extract_forms)\n"
    "    PythonOperator(task_id='crm', python_callable=_extract_crm,\n"
    "                   op_kwargs={'object': config['crm_object']})\n"
)


def test_a_dag_config_variable_converted_at_the_top_stays_for_now(tmp_path):
    # review 26 R9, R10: two DAGs each reading their own Variable through the
    # same text (config['hubspot_api_key']) looked like one key, and a task
    # writing config[...] from the run's conf was not looked at: the converted
    # Variable is not taken for the configuration until both are proven
    result, text = migrate(tmp_path, {"dags/forms.py": DAG})["dags/forms.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == DAG


def test_a_dag_config_holding_two_portals_keys_stays(tmp_path):
    two = DAG.replace(
        "params={'hapikey': config['hubspot_api_key'], 'archived'",
        "params={'hapikey': config['hubspot_sandbox_api_key'], 'archived'",
    )
    result, text = migrate(tmp_path, {"dags/forms.py": two})["dags/forms.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == two


def test_a_config_variable_read_per_tenant_in_a_loop_stays(tmp_path):
    loop = (
        "import json\n\n"
        "import requests\n"
        "from airflow.models import Variable\n\n"
        "TENANTS = ['acme', 'globex']\n\n\n"
        "def sync_all():\n"
        "    for tenant in TENANTS:\n"
        "        config = Variable.get(f'hubspot_{tenant}')\n"
        "        config = json.loads(config)\n"
        "        requests.get('https://api.hubapi.com/crm/v3/objects/contacts',\n"
        "                     params={'hapikey': config['hubspot_api_key']})\n"
    )
    result, text = migrate(tmp_path, {"dags/tenants.py": loop})["dags/tenants.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == loop


def test_a_config_parsed_from_each_request_body_stays(tmp_path):
    view = (
        "import json\n\n"
        "import requests\n"
        "from django.http import JsonResponse\n\n\n"
        "def sync(request):\n"
        "    config = request.body\n"
        "    config = json.loads(config)\n"
        "    r = requests.get('https://api.hubapi.com/crm/v3/objects/contacts',\n"
        "                     params={'hapikey': config['hubspot_api_key']})\n"
        "    return JsonResponse(r.json())\n"
    )
    result, text = migrate(tmp_path, {"views.py": view})["views.py"]
    assert Status.REWRITE not in {status for _, status, _ in key_sites(result)}
    assert TOKEN not in text


def test_a_top_level_rebinding_to_another_key_is_still_two_keys(tmp_path):
    script = (
        "import os\n\n"
        "import requests\n\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\n"
        "KEY = os.environ.get('HUBSPOT_SANDBOX_KEY', KEY)\n\n\n"
        "def contacts():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/objects/contacts',\n"
        "                        params={'hapikey': KEY}).json()\n"
    )
    result, text = migrate(tmp_path, {"sync.py": script})["sync.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == script


# --- a class filling a credentials dict from the environment in __init__ ---------

AUTHENTICATOR = (
    "import os\n\n"
    "from hubspot import HubSpot\n"
    "from mailchimp_marketing import Client as MailchimpClient\n\n\n"
    "class APIAuthenticator:\n"
    "    def __init__(self):\n"
    "        self.credentials = {}\n"
    "        self._load_credentials()\n\n"
    "    def _load_credentials(self):\n"
    "        self.credentials['mailchimp'] = {'api_key': os.getenv('MAILCHIMP_API_KEY')}\n"
    "        self.credentials['hubspot'] = {\n"
    "            'api_key': {hubspot_value}\n"
    "        }\n\n"
    "    def get_mailchimp_client(self):\n"
    "        creds = self.credentials['mailchimp']\n"
    "        client = MailchimpClient()\n"
    "        client.set_config({'api_key': creds['api_key']})\n"
    "        return client\n\n"
    "    def get_hubspot_client(self):\n"
    "        return HubSpot(api_key=self.credentials['hubspot']['api_key'])\n"
)


def authenticator(value: str = "os.getenv('HUBSPOT_API_KEY')") -> str:
    return AUTHENTICATOR.replace("{hubspot_value}", value)


def test_a_credentials_dict_the_class_fills_from_the_environment_migrates(tmp_path):
    source = authenticator()
    result, text = migrate(tmp_path, {"auth.py": source})["auth.py"]
    assert [status for _, status, _ in key_sites(result)] == [Status.REWRITE]
    assert f"return HubSpot(access_token={TOKEN})" in text
    # the other services' credentials are untouched
    assert "client.set_config({'api_key': creds['api_key']})" in text


def test_a_credentials_dict_filled_from_a_callers_value_is_not_the_providers(
    tmp_path,
):
    source = authenticator("self.tenant_key").replace(
        "    def __init__(self):\n",
        "    def __init__(self, tenant_key):\n        self.tenant_key = tenant_key\n",
    )
    result, text = migrate(tmp_path, {"auth.py": source})["auth.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_credentials_slot_written_from_outside_stays(tmp_path):
    source = authenticator() + (
        "\n\ndef for_tenant(tenant):\n"
        "    auth = APIAuthenticator()\n"
        "    auth.credentials['hubspot'] = {'api_key': tenant.hubspot_key}\n"
        "    return auth.get_hubspot_client()\n"
    )
    result, text = migrate(tmp_path, {"auth.py": source})["auth.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_credentials_slot_aliased_and_changed_stays(tmp_path):
    source = authenticator().replace(
        "    def get_hubspot_client(self):\n",
        "    def use_portal(self, key):\n"
        "        creds = self.credentials['hubspot']\n"
        "        creds['api_key'] = key\n\n"
        "    def get_hubspot_client(self):\n",
    )
    result, text = migrate(tmp_path, {"auth.py": source})["auth.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_credentials_filled_by_a_computed_slot_stay(tmp_path):
    source = authenticator().replace(
        "        self.credentials['mailchimp'] = {'api_key': os.getenv('MAILCHIMP_API_KEY')}\n",
        "        for name in ('mailchimp', 'hubspot'):\n"
        "            self.credentials[name] = {'api_key': os.getenv(name.upper())}\n",
    )
    result, text = migrate(tmp_path, {"auth.py": source})["auth.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_credentials_dict_holding_two_portals_keys_stays(tmp_path):
    source = authenticator().replace(
        "        self.credentials['hubspot'] = {\n",
        "        self.credentials['hubspot_sandbox'] = {\n"
        "            'api_key': os.getenv('HUBSPOT_SANDBOX_KEY')\n"
        "        }\n"
        "        self.credentials['hubspot'] = {\n",
    ) + (
        "\n    def get_sandbox_client(self):\n"
        "        return HubSpot(api_key=self.credentials['hubspot_sandbox']['api_key'])\n"
    )
    result, text = migrate(tmp_path, {"auth.py": source})["auth.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_credentials_dict_of_a_class_with_a_base_of_another_module_stays(tmp_path):
    source = (
        authenticator()
        .replace("class APIAuthenticator:\n", "class APIAuthenticator(TenantAware):\n")
        .replace("import os\n", "import os\n\nfrom tenancy import TenantAware\n", 1)
    )
    tenancy = (
        "class TenantAware:\n"
        "    def use_tenant(self, tenant):\n"
        "        self.credentials['hubspot'] = {'api_key': tenant.key}\n"
    )
    out = migrate(tmp_path, {"auth.py": source, "tenancy.py": tenancy})
    result, text = out["auth.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_class_setting_attributes_by_name_stays(tmp_path):
    source = authenticator().replace(
        "    def get_hubspot_client(self):\n",
        "    def configure(self, **values):\n"
        "        for name, value in values.items():\n"
        "            setattr(self, name, value)\n\n"
        "    def get_hubspot_client(self):\n",
    )
    result, text = migrate(tmp_path, {"auth.py": source})["auth.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


# --- a field a library's class declares (snakecharmer's Prop()) ------------------

UPLOADERS = (
    "import requests\n"
    "from snakecharmer.propertized import Propertized, Prop\n\n\n"
    "class BaseUploader(Propertized):\n"
    "    options = Prop()\n"
    "    endpoint = ''\n\n"
    "    def get_create_url(self):\n"
    "        return 'https://api.hubapi.com/content/api/v2/%s?hapikey=%s' % (\n"
    "            self.endpoint, self.options.api_key)\n\n"
    "    def upload(self, data):\n"
    "        return requests.post(self.get_create_url(), json=data).json()\n\n\n"
    "class PageUploader(BaseUploader):\n"
    "    endpoint = 'pages'\n\n"
    "    def lookup_id(self, slug):\n"
    "        url = 'https://api.hubapi.com/content/api/v2/pages?slug=%s&hapikey=%s' % (\n"
    "            slug, self.options.api_key)\n"
    "        return requests.get(url).json()\n"
)


def test_a_field_a_library_class_declares_is_named_so_and_stays(tmp_path):
    result, text = migrate(tmp_path, {"cos_sync.py": UPLOADERS})["cos_sync.py"]
    sites = key_sites(result)
    assert len(sites) == 2 and {status for _, status, _ in sites} == {Status.MANUAL}
    for _, _, reason in sites:
        assert (
            "self.options, declared Prop() in BaseUploader: a field of Propertized "
            "that whoever makes the object fills, not in this module"
        ) in reason
        assert "per request, user or tenant" not in reason
    assert text == UPLOADERS


# --- a module's own configuration dict, filled from the environment -------------

SCRIPT = (
    "import os\n\n"
    "import requests\n\n"
    "CONFIG = {\n"
    "    'hubspot': {'api_key': os.environ['HUBSPOT_API_KEY']},\n"
    "    'slack_webhook': os.environ.get('SLACK_WEBHOOK'),\n"
    "}\n\n\n"
    "def contacts():\n"
    "    r = requests.get('https://api.hubapi.com/crm/v3/objects/contacts',\n"
    "                     params={'hapikey': CONFIG['hubspot']['api_key'], 'limit': 10})\n"
    "    return r.json()\n\n\n"
    "def notify(text):\n"
    "    requests.post(CONFIG['slack_webhook'], json={'text': text})\n"
)


def test_a_module_config_dict_filled_from_the_environment_migrates(tmp_path):
    result, text = migrate(tmp_path, {"sync.py": SCRIPT})["sync.py"]
    assert [status for _, status, _ in key_sites(result)] == [Status.REWRITE]
    assert f'"Authorization": "Bearer " + {TOKEN}' in text
    assert "params={'limit': 10}" in text
    assert "requests.post(CONFIG['slack_webhook'], json={'text': text})" in text


def test_a_module_config_dict_a_function_writes_per_tenant_stays(tmp_path):
    source = SCRIPT + (
        "\n\ndef for_tenant(tenant):\n"
        "    CONFIG['hubspot']['api_key'] = tenant.hubspot_key\n"
        "    return contacts()\n"
    )
    result, text = migrate(tmp_path, {"sync.py": source})["sync.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_module_config_dict_handed_on_stays(tmp_path):
    source = SCRIPT.replace(
        "import requests\n", "import requests\nimport tenants\n"
    ) + ("\n\ntenants.configure(CONFIG)\n")
    result, text = migrate(tmp_path, {"sync.py": source})["sync.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_module_config_dict_another_module_writes_stays(tmp_path):
    runner = (
        "import sync\n\n\n"
        "def run(portals):\n"
        "    for portal in portals:\n"
        "        sync.CONFIG['hubspot'] = {'api_key': portal.key}\n"
        "        sync.contacts()\n"
    )
    out = migrate(tmp_path, {"sync.py": SCRIPT, "runner.py": runner})
    result, text = out["sync.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == SCRIPT


def test_a_module_config_dict_holding_two_portals_keys_stays(tmp_path):
    source = SCRIPT.replace(
        "    'slack_webhook'",
        "    'sandbox': {'api_key': os.environ['HUBSPOT_SANDBOX_KEY']},\n"
        "    'slack_webhook'",
    ) + (
        "\n\ndef sandbox_contacts():\n"
        "    r = requests.get('https://api.hubapi.com/crm/v3/objects/contacts',\n"
        "                     params={'hapikey': CONFIG['sandbox']['api_key']})\n"
        "    return r.json()\n"
    )
    result, text = migrate(tmp_path, {"sync.py": source})["sync.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_module_config_nested_dict_aliased_stays(tmp_path):
    source = SCRIPT + (
        "\n\ndef use_portal(key):\n"
        "    hub = CONFIG['hubspot']\n"
        "    hub['api_key'] = key\n"
    )
    result, text = migrate(tmp_path, {"sync.py": source})["sync.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == source


def test_a_database_column_keeps_the_per_tenant_reason(tmp_path):
    model = (
        "import requests\n"
        "from django.db import models\n\n\n"
        "class HubspotAPIToken(models.Model):\n"
        "    token = models.CharField(max_length=255)\n\n"
        "    def fetch_contacts(self):\n"
        "        url = f'https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey={self.token}'\n"
        "        return requests.get(url).json()\n"
    )
    result, text = migrate(tmp_path, {"models.py": model})["models.py"]
    [(_, status, reason)] = key_sites(result)
    assert status == Status.MANUAL
    assert "per request, user or tenant" in reason
    assert "declared" not in reason
    assert text == model


def test_a_module_config_nested_dict_another_module_updates_stays(tmp_path):
    # review 26 R5: sync.CONFIG["hubspot"].update(api_key=...) per tenant, in
    # another module, writes the item as surely as an assignment does
    tasks = (
        "import sync\n\n\n"
        "def for_portal(portal):\n"
        "    sync.CONFIG['hubspot'].update(api_key=portal['hubspot_api_key'])\n"
        "    return sync.contacts()\n"
    )
    results = migrate(tmp_path, {"sync.py": SCRIPT, "tasks.py": tasks})
    result, text = results["sync.py"]
    assert {status for _, status, _ in key_sites(result)} == {Status.MANUAL}
    assert text == SCRIPT
