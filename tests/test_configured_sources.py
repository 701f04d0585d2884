"""What :mod:`hapimigrate.analysis.configured_sources` answers, and the shapes
it no longer decides. A client whose constructor reads ``config["api_key"]``
out of a mapping that defaults to a name imported from a module outside the
tree, and an Airflow hook's ``self.get_connection(conn_id)``, stay manual: the
mapping may be written per tenant by another module, the "untracked settings"
may be ``os.environ`` (the provider ignored), the hook's own
``get_connection`` may read each tenant's key from a database (review 20's R1,
R5, R13). A key read after a HubSpot host written out is no host (the reason
said "a host known at run time"); ``self`` of a method is the object itself,
never a caller's credential; a connection a base class of another module sets
is named."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, left_alone, migrated, tree

CLIENT = """\
from config import HUBSPOT
import requests


class HubspotAPI(object):
    def __init__(self, config=HUBSPOT):
        self.client_id = config["client_id"]
        self.access_token = config["access_token"]
        self.api_key = config["api_key"]

    def get_deals(self):
        response = requests.get(
            "https://api.hubapi.com/deals/v1/deal/recent/created?hapikey=" + self.api_key,
        )
        return response.json()

    def create_deal(self, name):
        response = requests.post(
            "https://api.hubapi.com/deals/v1/deal?hapikey=" + self.api_key + "&portalId=1",
            headers={"Content-Type": "application/json"},
            json={"properties": [{"name": "dealname", "value": name}]},
        )
        return response.json()
"""


def test_the_settings_mapping_read_stays_manual(tmp_path):
    # no module of the tree shows who writes the mapping: one portal's
    # settings, or a tenant's key written into it per request (R1)
    out = tree(tmp_path, {"third_party/hubspot.py": CLIENT})
    left_alone(out["third_party/hubspot.py"])
    for site in key_sites(out["third_party/hubspot.py"]):
        assert "store the access token" not in site.reason


def test_a_second_portals_config_made_in_the_module_stays(tmp_path):
    second = (
        CLIENT
        + '\n\nSANDBOX = HubspotAPI({"api_key": "x", "client_id": "c", "access_token": "t"})\n'
    )
    out = tree(tmp_path, {"third_party/hubspot.py": second})
    left_alone(out["third_party/hubspot.py"])


def test_clients_made_per_tenant_in_another_module_stay(tmp_path):
    tenants = """\
    from third_party.hubspot import HubspotAPI


    def sync(rows):
        for row in rows:
            HubspotAPI(row["hubspot"]).get_deals()
    """
    out = tree(
        tmp_path,
        {
            "third_party/__init__.py": "",
            "third_party/hubspot.py": CLIENT,
            "third_party/tenants.py": tenants,
        },
    )
    left_alone(out["third_party/hubspot.py"])


def test_a_mapping_also_sent_to_another_host_stays(tmp_path):
    leaking = CLIENT.replace(
        '        self.api_key = config["api_key"]\n',
        '        self.api_key = config["api_key"]\n'
        '        requests.post("https://audit.example.com/boot", json=config)\n',
    )
    out = tree(tmp_path, {"third_party/hubspot.py": leaking})
    assert not out["third_party/hubspot.py"].changed
    assert all(
        s.status == Status.MANUAL for s in key_sites(out["third_party/hubspot.py"])
    )


def test_a_second_key_field_stays(tmp_path):
    two = CLIENT.replace(
        '        self.api_key = config["api_key"]\n',
        '        self.api_key = config["api_key"]\n'
        '        self.sandbox_key = config["sandbox_api_key"]\n',
    )
    out = tree(tmp_path, {"third_party/hubspot.py": two})
    left_alone(out["third_party/hubspot.py"])


def test_a_settings_module_of_the_tree_is_not_untracked(tmp_path):
    settings = 'import os\n\nHUBSPOT = {"api_key": os.environ["HUBSPOT_API_KEY"]}\n'
    out = tree(
        tmp_path,
        {"app/config.py": settings, "app/hubspot.py": CLIENT},
    )
    left_alone(out["app/hubspot.py"])


def test_the_default_read_elsewhere_in_the_module_stays(tmp_path):
    also = CLIENT + '\n\ndef portal():\n    return HUBSPOT["portal_id"]\n'
    out = tree(tmp_path, {"third_party/hubspot.py": also})
    left_alone(out["third_party/hubspot.py"])


PLAIN = """\
import requests


class HubspotAPI(object):
    def __init__(self, config):
        self.api_key = config["api_key"]

    def get_deals(self):
        return requests.get(
            "https://api.hubapi.com/deals/v1/deal/recent/created?hapikey=" + self.api_key
        ).json()
"""


def test_a_key_after_a_hubspot_host_is_no_host(tmp_path):
    # as for def __init__(self, api_key): the caller's value, a token now
    out = tree(tmp_path, {"client.py": PLAIN})
    text = migrated(out["client.py"])
    assert '"Authorization": "Bearer " + self.api_key' in text
    (site,) = key_sites(out["client.py"])
    assert "host known at run time" not in site.reason
    assert 'config of __init__() (read from its ["api_key"])' in site.reason
    assert "callers pass access tokens now" in site.reason


def test_oauth_uses_of_the_key_keep_the_others_manual(tmp_path):
    # the key also rides beside an OAuth Bearer header (grind_app_flask's
    # get_contacts): that use stays, so the others cannot take a token
    oauth = CLIENT + """
    def get_contacts(self):
        return requests.get(
            "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + self.api_key,
            headers={"Authorization": "Bearer " + self.access_token},
        ).json()
"""
    out = tree(tmp_path, {"third_party/hubspot.py": oauth})
    result = out["third_party/hubspot.py"]
    assert not result.changed
    reasons = [s.reason for s in key_sites(result)]
    assert all(s.status == Status.MANUAL for s in key_sites(result))
    assert not any("host known at run time" in r for r in reasons)
    assert any("already sends an Authorization header" in r for r in reasons)


REBASED = """\
import requests


class Client(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key, base_url=None):
        self.api_key = api_key
        if base_url:
            self.base_url = base_url

    def owners(self):
        return requests.get(self.base_url + "/crm/v3/owners?hapikey=" + self.api_key).json()


def mirrored(key):
    return Client(key, "https://hubspot-proxy.example.com").owners()
"""


def test_a_host_attribute_before_the_key_is_still_a_host(tmp_path):
    # the class body's literal host reads settled, but callers give another:
    # only the key's field, after the host, is passed over
    out = tree(tmp_path, {"client.py": REBASED})
    left_alone(out["client.py"])


HOOK = """\
import requests
from airflow.hooks.base_hook import BaseHook


class HubspotHook(BaseHook):
    def __init__(self, conn_id, *args, **kwargs):
        self.conn_id = conn_id
        self.connection = self.get_connection(conn_id)
        self.extras = self.connection.extra_dejson
        self.api_key = self.extras["api_key"]
        self.base_url = "https://api.hubapi.com/contacts/v1/"

    def delete_contact(self, contact_id):
        params = {"hapikey": self.api_key}
        return requests.delete(
            self.base_url + "contact/vid/{}".format(contact_id), params=params
        )
"""


def test_the_airflow_connection_a_hook_is_given_stays_manual(tmp_path):
    # the connection id callers name is no token's place the tool can prove
    out = tree(tmp_path, {"plugins/hooks/hubspot_hook.py": HOOK})
    left_alone(out["plugins/hooks/hubspot_hook.py"])
    (site,) = key_sites(out["plugins/hooks/hubspot_hook.py"])
    assert "store the access token" not in site.reason
    assert "Airflow connection" not in site.reason


def test_a_hook_a_dag_names_a_connection_for_stays_manual(tmp_path):
    # R2: no reason tells a person to write the token in place of the id
    dag = """\
    from hooks.hubspot_hook import HubspotHook


    def _extract(**ctx):
        return HubspotHook("hubspot_default").delete_contact(1)
    """
    out = tree(
        tmp_path,
        {"plugins/hooks/hubspot_hook.py": HOOK, "dags/sync.py": dag},
    )
    left_alone(out["plugins/hooks/hubspot_hook.py"])
    reasons = [s.reason for r in out.values() for s in key_sites(r)]
    assert not any("takes a token as conn_id" in r for r in reasons), reasons


def test_a_connection_whose_host_is_the_url_stays(tmp_path):
    # the connection also says where requests go: another service's, perhaps
    hosted = HOOK.replace(
        '"https://api.hubapi.com/contacts/v1/"', "self.connection.host"
    )
    out = tree(tmp_path, {"plugins/hooks/hubspot_hook.py": hosted})
    left_alone(out["plugins/hooks/hubspot_hook.py"])


def test_a_hook_made_for_two_connections_here_stays(tmp_path):
    both = HOOK + (
        "\n\ndef purge(contact_id):\n"
        '    for conn in ("hubspot_eu", "hubspot_us"):\n'
        "        HubspotHook(conn).delete_contact(contact_id)\n"
    )
    out = tree(tmp_path, {"plugins/hooks/hubspot_hook.py": both})
    left_alone(out["plugins/hooks/hubspot_hook.py"])


def test_get_connection_outside_a_hook_is_not_airflows(tmp_path):
    other = HOOK.replace("class HubspotHook(BaseHook):", "class HubspotHook(object):")
    other = other.replace("from airflow.hooks.base_hook import BaseHook\n", "")
    other += "\n    def get_connection(self, conn_id):\n        return DB[conn_id]\n"
    out = tree(tmp_path, {"plugins/hooks/hubspot_hook.py": other})
    assert not out["plugins/hooks/hubspot_hook.py"].changed


SELF_METHOD = """\
import os
import requests


class Client(object):
    def __init__(self):
        self.key = self.load_key()

    def load_key(self):
        return os.environ["HUBSPOT_API_KEY"]

    def owners(self):
        return requests.get(
            "https://api.hubapi.com/crm/v3/owners", params={"hapikey": self.key}
        ).json()
"""


def test_a_key_a_method_of_the_object_returns_is_no_callers(tmp_path):
    # self is the object itself, not a credential its callers hand in: the
    # environment's key was sent as a Bearer token ("callers pass tokens")
    out = tree(tmp_path, {"client.py": SELF_METHOD})
    result = out["client.py"]
    assert not result.changed
    (site,) = [s for s in key_sites(result) if s.kind.value != "setting"]
    assert site.status == Status.MANUAL
    assert "caller" not in site.reason
    assert "the Client object itself" in site.reason


OPERATOR = """\
import requests
from ewah.operators.base_operator import EWAHBaseOperator


class EWAHHubspotOperator(EWAHBaseOperator):
    def ewah_execute(self, context):
        params = {"hapikey": self.source_conn.password, "limit": 100}
        return requests.get(
            "https://api.hubapi.com/crm/v3/objects/contacts", params=params
        ).json()
"""


def test_a_connection_a_base_class_of_another_module_sets_is_named(tmp_path):
    # which connection, and whether one per portal, the base class decides
    out = tree(tmp_path, {"ewah/operators/hubspot_operator.py": OPERATOR})
    left_alone(
        out["ewah/operators/hubspot_operator.py"],
        "self.source_conn, set by EWAHBaseOperator of another module",
    )


def test_clients_made_by_a_script_beside_a_folder_without_init_stay(tmp_path):
    # third_party/ is no package: app.py at the root imports it all the same
    app = """\
    from third_party.hubspot import HubspotAPI


    def for_tenant(tenant):
        return HubspotAPI(tenant.hubspot_config).get_deals()
    """
    out = tree(tmp_path, {"third_party/hubspot.py": CLIENT, "app.py": app})
    left_alone(out["third_party/hubspot.py"])


R1_CLIENT = """\
import requests
from settings_local import HUBSPOT

BASE = "https://api.hubapi.com"


class HubspotAPI:
    def __init__(self, config=HUBSPOT):
        self.api_key = config["api_key"]
        self.portal_id = config.get("portal_id")

    def deals(self):
        r = requests.get(BASE + "/deals/v1/deal/paged?hapikey=" + self.api_key)
        r.raise_for_status()
        return r.json()
"""


def test_a_default_mapping_written_per_tenant_elsewhere_stays(tmp_path):
    # R1: tenants.py writes each tenant's portal key into the default mapping:
    # sent as a Bearer token, every tenant's request fails
    tenants = """\
    from settings_local import HUBSPOT
    from hubspot_sync.client import HubspotAPI


    def sync_tenant(tenant):
        HUBSPOT["api_key"] = tenant.hubspot_api_key
        return HubspotAPI().deals()
    """
    out = tree(
        tmp_path,
        {
            "hubspot_sync/__init__.py": "",
            "hubspot_sync/client.py": R1_CLIENT,
            "tenants.py": tenants,
        },
    )
    left_alone(out["hubspot_sync/client.py"])


def test_a_module_attribute_write_of_the_mapping_stays(tmp_path):
    # R1's other spelling: settings_local.HUBSPOT["api_key"] = ...
    tenants = """\
    import settings_local
    from hubspot_sync.client import HubspotAPI


    def sync_tenant(tenant):
        settings_local.HUBSPOT["api_key"] = tenant.hubspot_api_key
        return HubspotAPI().deals()
    """
    out = tree(
        tmp_path,
        {
            "hubspot_sync/__init__.py": "",
            "hubspot_sync/client.py": R1_CLIENT,
            "tenants.py": tenants,
        },
    )
    left_alone(out["hubspot_sync/client.py"])


ENVIRON_DEFAULT = """\
from os import environ
import requests


class HubSpotClient:
    def __init__(self, env=environ):
        self.api_key = env["HUBSPOT_API_KEY"]
        self.timeout = int(env.get("HUBSPOT_TIMEOUT", "30"))

    def owners(self):
        return requests.get(
            "https://api.hubapi.com/crm/v3/owners?hapikey=" + self.api_key,
            timeout=self.timeout,
        ).json()
"""


def test_os_environ_as_a_default_mapping_is_no_untracked_settings(tmp_path):
    # R5: the old variable's key went out as the Bearer token, the provider
    # never called
    out = tree(tmp_path, {"hubspot_client.py": ENVIRON_DEFAULT})
    left_alone(out["hubspot_client.py"])
    for site in key_sites(out["hubspot_client.py"]):
        assert "store the access token" not in site.reason


def test_os_environ_as_a_default_mapping_with_a_provider_stays(tmp_path):
    out = tree(
        tmp_path, {"hubspot_client.py": ENVIRON_DEFAULT}, spec="myauth:get_token"
    )
    left_alone(out["hubspot_client.py"])


TENANT_HOOK = """\
import requests
from airflow.hooks.base import BaseHook
from tenants.models import Tenant


class HubspotHook(BaseHook):
    \"\"\"One hook per customer: the customer's portal credentials live in our DB.\"\"\"

    def __init__(self, tenant_id):
        super().__init__()
        self.api_key = self.get_connection(tenant_id).password

    @classmethod
    def get_connection(cls, tenant_id):
        return Tenant.objects.get(pk=tenant_id).hubspot_connection

    def contacts(self):
        return requests.get(
            "https://api.hubapi.com/crm/v3/objects/contacts",
            params={"hapikey": self.api_key},
        ).json()
"""


def test_a_hook_reading_each_tenants_key_from_the_db_stays(tmp_path):
    # R13: the class's own get_connection reads each customer's stored key
    out = tree(tmp_path, {"plugins/hubspot_hook.py": TENANT_HOOK})
    left_alone(out["plugins/hubspot_hook.py"])
    for site in key_sites(out["plugins/hubspot_hook.py"]):
        assert "Airflow connection" not in site.reason
