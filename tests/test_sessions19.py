"""A request sent through a session or client its callers hand in migrates
only when every value handed in is proven plain (review 26, R3 and R12).

The caller's session may carry an installation's OAuth token: a request-level
``Authorization: Bearer <provider token>`` would override it. However the
function holds the session (an attribute its ``__init__`` sets, a key of
``**kwargs``, a default chosen by if-statements, a ``with`` target), each
call handing it in, here or in another module, must hand nothing, ``None``
or a client made in the caller's own function without a credential; a
factory's session, a caller that sets the headers, a function nobody in the
tree calls stay manual, the reason naming the call.
"""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, left_alone, tree

URL = '"https://api.hubapi.com/crm/v3/objects/deals/%s?hapikey=%s"'

CLASS_SYNC = f"""\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]
URL = {URL}


class DealSync:
    def __init__(self, session=None):
        self.http = session or requests.Session()

    def update_deal(self, deal_id, props):
        return self.http.patch(URL % (deal_id, KEY), json={{"properties": props}})
"""
KWARGS_SYNC = f"""\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def update_deal(deal_id, props, **kwargs):
    http = kwargs.get("session") or requests
    url = {URL} % (deal_id, KEY)
    return http.patch(url, json={{"properties": props}})
"""
IF_SYNC = f"""\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def update_deal(deal_id, props, session=None):
    http = requests
    if session is not None:
        http = session
    url = {URL} % (deal_id, KEY)
    return http.patch(url, json={{"properties": props}})
"""
WITH_SYNC = f"""\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def update_deal(deal_id, props, session=None):
    with (session or requests.Session()) as http:
        url = {URL} % (deal_id, KEY)
        return http.patch(url, json={{"properties": props}})
"""
FUNCTION_SYNC = f"""\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def update_deal(deal_id, props, session=None):
    http = session or requests
    url = {URL} % (deal_id, KEY)
    return http.patch(url, json={{"properties": props}})
"""
OAUTH_CALLER = """\
import requests

from sync import update_deal


def sync_installation(installation, deal_id, props):
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + installation.access_token
    return update_deal(deal_id, props, session=session)
"""


def _statuses(result):
    return {s.status for s in key_sites(result)}


def _rewritten(result) -> str:
    assert _statuses(result) == {Status.REWRITE}, [s.reason for s in key_sites(result)]
    new = result.new.decode()
    assert "hapikey" not in new
    assert "Authorization" in new
    return new


# R3: the four spellings of the session held --------------------------------


def test_an_attribute_init_sets_from_its_parameter_is_the_handed_session(tmp_path):
    caller = OAUTH_CALLER.replace(
        "from sync import update_deal", "from sync import DealSync"
    )
    caller = caller.replace(
        "update_deal(deal_id, props, session=session)",
        "DealSync(session).update_deal(deal_id, props)",
    )
    results = tree(tmp_path, {"sync.py": CLASS_SYNC, "oauth_sync.py": caller})
    left_alone(results["sync.py"], "the callers of DealSync()", "oauth_sync.py:9")


def test_a_session_taken_from_kwargs_is_the_handed_session(tmp_path):
    results = tree(tmp_path, {"sync.py": KWARGS_SYNC, "oauth_sync.py": OAUTH_CALLER})
    left_alone(results["sync.py"], "oauth_sync.py:9")


def test_a_session_chosen_by_if_statements_is_the_handed_session(tmp_path):
    results = tree(tmp_path, {"sync.py": IF_SYNC, "oauth_sync.py": OAUTH_CALLER})
    left_alone(results["sync.py"], "oauth_sync.py:9")


def test_a_default_made_when_none_is_given_keeps_the_handed_session(tmp_path):
    source = FUNCTION_SYNC.replace(
        "    http = session or requests\n",
        "    if session is None:\n        session = requests.Session()\n    http = session\n",
    )
    results = tree(tmp_path, {"sync.py": source, "oauth_sync.py": OAUTH_CALLER})
    left_alone(results["sync.py"], "oauth_sync.py:9")


def test_a_with_target_over_the_handed_session_is_the_handed_session(tmp_path):
    results = tree(tmp_path, {"sync.py": WITH_SYNC, "oauth_sync.py": OAUTH_CALLER})
    left_alone(results["sync.py"], "oauth_sync.py:9")


# R12: what the caller hands in is proven, not searched for words --------------

OAUTH_FACTORY = """\
import requests


def session_for(installation):
    s = requests.Session()
    s.headers["Authorization"] = "Bearer " + installation.access_token
    return s
"""
FACTORY_CALLER = """\
from oauth import session_for
from sync import update_deal


def sync_installation(installation, deal_id, props):
    return update_deal(deal_id, props, session=session_for(installation))
"""


def test_a_session_from_a_factory_in_a_third_module_stays(tmp_path):
    files = {
        "sync.py": FUNCTION_SYNC,
        "oauth.py": OAUTH_FACTORY,
        "oauth_sync.py": FACTORY_CALLER,
    }
    left_alone(tree(tmp_path, files)["sync.py"], "oauth_sync.py:6")


def test_a_session_whose_headers_the_caller_sets_per_tenant_stays(tmp_path):
    caller = """\
        import requests

        from sync import update_deal


        def sync_tenants(tenants, deal_id, props):
            session = requests.Session()
            for tenant in tenants:
                session.headers.update({"Authorization": "Bearer " + tenant.token})
                update_deal(deal_id, props, session=session)
        """
    results = tree(tmp_path, {"sync.py": FUNCTION_SYNC, "tenants.py": caller})
    left_alone(results["sync.py"], "tenants.py:10")


def test_a_session_handed_on_from_a_parameter_a_factory_fills_stays(tmp_path):
    jobs = """\
        from sync import update_deal


        def close_all(deal_ids, session):
            for deal_id in deal_ids:
                update_deal(deal_id, {"dealstage": "closedwon"}, session=session)
        """
    runner = """\
        from jobs import close_all
        from oauth import session_for


        def run(installation, deal_ids):
            close_all(deal_ids, session_for(installation))
        """
    files = {
        "sync.py": FUNCTION_SYNC,
        "jobs.py": jobs,
        "oauth.py": OAUTH_FACTORY,
        "runner.py": runner,
    }
    # followed up close_all()'s callers: the factory's session at runner.py:6
    left_alone(tree(tmp_path, files)["sync.py"], "runner.py:6")


# what is proven plain still migrates -------------------------------------------


def test_a_plain_client_made_and_handed_in_the_same_module_migrates(tmp_path):
    source = FUNCTION_SYNC + (
        "\n\ndef close_won(deal_ids):\n"
        "    with requests.Session() as session:\n"
        "        for deal_id in deal_ids:\n"
        '            update_deal(deal_id, {"dealstage": "closedwon"}, session=session)\n'
    )
    new = _rewritten(tree(tmp_path, {"sync.py": source})["sync.py"])
    assert "session=session" in new


def test_a_client_class_given_a_plain_session_or_none_migrates(tmp_path):
    caller = """\
        import requests

        from sync import DealSync


        def close_won(deal_id):
            DealSync().update_deal(deal_id, {"dealstage": "closedwon"})


        def close_lost(deal_id):
            http = requests.Session()
            DealSync(http).update_deal(deal_id, {"dealstage": "closedlost"})
        """
    results = tree(tmp_path, {"sync.py": CLASS_SYNC, "jobs.py": caller})
    _rewritten(results["sync.py"])


def test_a_plain_session_handed_on_through_a_parameter_migrates(tmp_path):
    source = KWARGS_SYNC + (
        "\n\ndef close_all(deal_ids, session=None):\n"
        "    for deal_id in deal_ids:\n"
        '        update_deal(deal_id, {"dealstage": "closedwon"}, session=session)\n'
        "\n\ndef main():\n"
        "    close_all([1, 2], session=requests.Session())\n"
    )
    _rewritten(tree(tmp_path, {"sync.py": source})["sync.py"])


def test_a_client_with_auth_of_its_own_stays(tmp_path):
    caller = """\
        import httpx

        from sync import update_deal


        def close_won(deal_id, token):
            client = httpx.Client(headers={"Authorization": f"Bearer {token}"})
            update_deal(deal_id, {"dealstage": "closedwon"}, session=client)
        """
    results = tree(tmp_path, {"sync.py": FUNCTION_SYNC, "jobs.py": caller})
    left_alone(results["sync.py"], "jobs.py:8")


# a class hierarchy: subclasses in other modules, a facade handing one session -

BASE_CLIENT = """\
import requests


class BaseClient:
    def __init__(self, api_key, session=None, timeout=15):
        self.api_key = api_key
        self.timeout = timeout
        self.session = session or requests.Session()

    def _get(self, path):
        url = "https://api.hubapi.com" + path
        return self.session.get(url, params={"hapikey": self.api_key}).json()
"""
RESOURCES = """\
from base import BaseClient


class ContactsClient(BaseClient):
    def get(self, vid):
        return self._get("/contacts/v1/contact/vid/%s/profile" % vid)


class OwnersClient(BaseClient):
    def __init__(self, api_key, **kwargs):
        super().__init__(api_key, **kwargs)

    def all(self):
        return self._get("/owners/v2/owners")
"""
FACADE = """\
import os

import requests

from resources import ContactsClient, OwnersClient


class Portal:
    def __init__(self, api_key, session=None):
        shared = session or requests.Session()
        shared.headers["User-Agent"] = "portal/1.0"
        self.contacts = ContactsClient(api_key, shared)
        self.owners = OwnersClient(api_key, session=shared)

    @classmethod
    def from_env(cls):
        return cls(os.environ["HUBSPOT_API_KEY"])
"""


def test_a_hierarchy_given_one_plain_session_by_its_facade_migrates(tmp_path):
    files = {"base.py": BASE_CLIENT, "resources.py": RESOURCES, "facade.py": FACADE}
    _rewritten(tree(tmp_path, files)["base.py"])


def test_a_facade_handed_a_factory_session_keeps_the_hierarchy(tmp_path):
    app = """\
        import os

        from facade import Portal
        from oauth import session_for


        def portal_for(installation):
            return Portal(os.environ["HUBSPOT_API_KEY"], session_for(installation))
        """
    files = {
        "base.py": BASE_CLIENT,
        "resources.py": RESOURCES,
        "facade.py": FACADE,
        "oauth.py": OAUTH_FACTORY,
        "app.py": app,
    }
    left_alone(tree(tmp_path, files)["base.py"], "app.py:8")


def test_a_subclass_setting_the_session_attribute_itself_stays(tmp_path):
    resources = RESOURCES + (
        "\n\nclass InstallationClient(BaseClient):\n"
        "    def __init__(self, api_key, installation):\n"
        "        super().__init__(api_key)\n"
        "        self.session = installation.oauth_session()\n"
    )
    files = {"base.py": BASE_CLIENT, "resources.py": resources, "facade.py": FACADE}
    left_alone(tree(tmp_path, files)["base.py"], "resources.py:20")


def test_an_instance_given_another_session_elsewhere_stays(tmp_path):
    app = """\
        from facade import Portal


        def for_installation(installation):
            portal = Portal.from_env()
            portal.contacts.session = installation.oauth_session()
            return portal
        """
    files = {
        "base.py": BASE_CLIENT,
        "resources.py": RESOURCES,
        "facade.py": FACADE,
        "app.py": app,
    }
    left_alone(tree(tmp_path, files)["base.py"], "app.py:6")


def test_a_subclass_handing_kwargs_a_factory_session_fills_stays(tmp_path):
    app = """\
        import os

        from oauth import session_for
        from resources import OwnersClient


        def owners(installation):
            client = OwnersClient(os.environ["HUBSPOT_API_KEY"], session=session_for(installation))
            return client.all()
        """
    files = {
        "base.py": BASE_CLIENT,
        "resources.py": RESOURCES,
        "facade.py": FACADE,
        "oauth.py": OAUTH_FACTORY,
        "app.py": app,
    }
    left_alone(tree(tmp_path, files)["base.py"], "app.py:8")


def test_a_plain_client_with_retries_and_a_user_agent_migrates(tmp_path):
    caller = """\
        import requests
        from requests.adapters import HTTPAdapter

        from sync import update_deal


        def close_won(deal_ids):
            session = requests.Session()
            session.mount("https://", HTTPAdapter(max_retries=3))
            session.headers["User-Agent"] = "deals-job/2.0"
            for deal_id in deal_ids:
                update_deal(deal_id, {"dealstage": "closedwon"}, session=session)
        """
    results = tree(tmp_path, {"sync.py": FUNCTION_SYNC, "jobs.py": caller})
    _rewritten(results["sync.py"])


def test_a_plain_session_spread_from_a_dict_of_options_migrates(tmp_path):
    facade = """\
        import os

        import requests

        from resources import ContactsClient, OwnersClient


        class Portal:
            def __init__(self, timeout=10):
                key = os.environ["HUBSPOT_API_KEY"]
                common = dict(timeout=timeout, session=requests.Session())
                self.contacts = ContactsClient(key, **common)
                self.owners = OwnersClient(key, **common)
        """
    files = {"base.py": BASE_CLIENT, "resources.py": RESOURCES, "facade.py": facade}
    _rewritten(tree(tmp_path, files)["base.py"])


def test_a_method_handed_a_factory_session_through_an_instance_stays(tmp_path):
    client = """\
        import os

        import requests

        KEY = os.environ["HUBSPOT_API_KEY"]


        class Deals:
            def close(self, deal_id, session=None):
                http = session or requests
                url = "https://api.hubapi.com/deals/v1/deal/%s?hapikey=%s" % (deal_id, KEY)
                return http.put(url, json={"properties": []})
        """
    app = """\
        from deals import Deals
        from oauth import session_for


        def close_for(installation, deal_id):
            return Deals().close(deal_id, session=session_for(installation))
        """
    files = {"deals.py": client, "oauth.py": OAUTH_FACTORY, "app.py": app}
    left_alone(tree(tmp_path, files)["deals.py"], "app.py:6")


# the session attribute set by a base class of another module ------------------

SESSION_BASE = """\
import requests


class BaseClient:
    def __init__(self, api_key, session=None):
        self.api_key = api_key
        self.session = session or requests.Session()
"""
DEALS_CLIENT = """\
import os

from base import BaseClient

KEY = os.environ["HUBSPOT_API_KEY"]


class DealsClient(BaseClient):
    def close(self, deal_id):
        url = "https://api.hubapi.com/deals/v1/deal/%s" % deal_id
        return self.session.put(url, params={"hapikey": KEY}, json={})
"""


def test_a_session_a_base_class_elsewhere_holds_given_by_a_factory_stays(tmp_path):
    app = """\
        import os

        from deals import DealsClient
        from oauth import session_for


        def close_for(installation, deal_id):
            key = os.environ["HUBSPOT_API_KEY"]
            return DealsClient(key, session_for(installation)).close(deal_id)
        """
    files = {
        "base.py": SESSION_BASE,
        "deals.py": DEALS_CLIENT,
        "oauth.py": OAUTH_FACTORY,
        "app.py": app,
    }
    left_alone(tree(tmp_path, files)["deals.py"], "app.py:9")


def test_a_session_a_base_class_elsewhere_holds_left_default_migrates(tmp_path):
    app = """\
        import os

        from deals import DealsClient


        def close(deal_id):
            return DealsClient(os.environ["HUBSPOT_API_KEY"]).close(deal_id)
        """
    files = {"base.py": SESSION_BASE, "deals.py": DEALS_CLIENT, "app.py": app}
    _rewritten(tree(tmp_path, files)["deals.py"])


def test_a_caller_importing_the_function_under_another_name_is_seen(tmp_path):
    caller = OAUTH_CALLER.replace(
        "from sync import update_deal", "from sync import update_deal as push_deal"
    ).replace("return update_deal(", "return push_deal(")
    results = tree(tmp_path, {"sync.py": FUNCTION_SYNC, "oauth_sync.py": caller})
    left_alone(results["sync.py"], "oauth_sync.py:9")
