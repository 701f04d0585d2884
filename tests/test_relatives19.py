"""Class families whose relatives read the key's emptied attribute, and one
web-session entry across the tree (review 26 R2 and R6): each shape as a small
project, with the near shapes that keep migrating."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, left_alone, migrated, tree

# -- a base class reading the subclass's key dict ------------------------------

BASE = """\
import requests


class BaseAPI:
    base_url = "https://api.hubapi.com"

    def _get(self, path, **params):
        params.update(getattr(self, "auth_params", {}))
        resp = requests.get(self.base_url + path, params=params)
        resp.raise_for_status()
        return resp.json()
"""

CONTACTS = """\
import os

import requests

from base import BaseAPI


class ContactsAPI(BaseAPI):
    def __init__(self):
        self.auth_params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}

    def recent(self, count=20):
        return self._get("/contacts/v1/lists/recently_updated/contacts/recent", count=count)

    def by_email(self, email):
        url = f"{self.base_url}/contacts/v1/contact/email/{email}/profile"
        return requests.get(url, params=self.auth_params).json()
"""

READS_BY_NAME = {
    "getattr": 'getattr(self, "auth_params", {})',
    "__dict__": 'self.__dict__.get("auth_params", {})',
    "vars": 'vars(self)["auth_params"]',
    "attrgetter": 'operator.attrgetter("auth_params")(self)',
}


def _base_reading(spelling: str) -> str:
    return "import operator\n" + BASE.replace(
        'getattr(self, "auth_params", {})', spelling
    )


def test_a_base_reading_the_key_dict_by_its_name_holds_the_subclass(tmp_path):
    for name, spelling in READS_BY_NAME.items():
        root = tmp_path / name
        results = tree(
            root, {"base.py": _base_reading(spelling), "contacts.py": CONTACTS}
        )
        left_alone(results["contacts.py"], "base.py:9", "BaseAPI", "auth_params")
        assert "by its name" in key_sites(results["contacts.py"])[0].reason


def test_hasattr_then_the_instance_dict_holds_the_subclass(tmp_path):
    base = BASE.replace(
        '        params.update(getattr(self, "auth_params", {}))\n',
        '        if hasattr(self, "auth_params"):\n'
        '            params.update(self.__dict__["auth_params"])\n',
    )
    results = tree(tmp_path, {"base.py": base, "contacts.py": CONTACTS})
    left_alone(results["contacts.py"], "base.py:8", "hasattr(self, 'auth_params')")


def test_the_class_itself_reading_its_key_dict_by_name_stays(tmp_path):
    source = """\
    import os

    import requests

    BASE = "https://api.hubapi.com"


    class ContactsAPI:
        def __init__(self):
            self.auth_params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}

        def _get(self, path, **params):
            params.update(getattr(self, "auth_params", {}))
            return requests.get(BASE + path, params=params).json()

        def by_email(self, email):
            url = f"{BASE}/contacts/v1/contact/email/{email}/profile"
            return requests.get(url, params=self.auth_params).json()
    """
    left_alone(tree(tmp_path, {"contacts.py": source})["contacts.py"])


def test_a_base_reading_nothing_of_the_key_lets_the_subclass_migrate(tmp_path):
    base = BASE.replace('        params.update(getattr(self, "auth_params", {}))\n', "")
    results = tree(tmp_path, {"base.py": base, "contacts.py": CONTACTS})
    text = migrated(results["contacts.py"])
    assert "hapikey" not in text
    assert "Bearer" in text


def test_a_base_reading_another_attribute_by_name_lets_it_migrate(tmp_path):
    base = BASE.replace(
        'params.update(getattr(self, "auth_params", {}))',
        'params.setdefault("count", getattr(self, "page_size", 20))',
    )
    results = tree(tmp_path, {"base.py": base, "contacts.py": CONTACTS})
    assert "hapikey" not in migrated(results["contacts.py"])


# -- the subclass filling the attribute from elsewhere -------------------------

BASE_PARAMS_READER = BASE.replace('getattr(self, "auth_params", {})', "self.params")

FROM_MODULE_DICT = """\
import os

import requests

from base import BaseAPI

KEY_PARAMS = {"hapikey": os.environ["HUBSPOT_API_KEY"]}


class ContactsAPI(BaseAPI):
    def __init__(self):
        self.params = dict(KEY_PARAMS)

    def recent(self, count=20):
        return self._get("/contacts/v1/lists/recently_updated/contacts/recent", count=count)

    def by_email(self, email):
        url = f"{self.base_url}/contacts/v1/contact/email/{email}/profile"
        return requests.get(url, params=self.params).json()
"""

FROM_A_METHOD = """\
import os

import requests

from base import BaseAPI


class ContactsAPI(BaseAPI):
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]
        self.params = self._auth()

    def _auth(self):
        return {"hapikey": self.api_key}

    def recent(self, count=20):
        return self._get("/contacts/v1/lists/recently_updated/contacts/recent", count=count)

    def by_email(self, email):
        url = f"{self.base_url}/contacts/v1/contact/email/{email}/profile"
        return requests.get(url, params=self.params).json()
"""


def test_a_subclass_copying_a_module_dict_is_held_by_its_base(tmp_path):
    results = tree(
        tmp_path, {"base.py": BASE_PARAMS_READER, "contacts.py": FROM_MODULE_DICT}
    )
    left_alone(results["contacts.py"], "base.py:8", "reads self.params")


def test_a_subclass_filling_it_from_a_method_is_held_by_its_base(tmp_path):
    results = tree(
        tmp_path, {"base.py": BASE_PARAMS_READER, "contacts.py": FROM_A_METHOD}
    )
    left_alone(results["contacts.py"], "base.py:8", "reads self.params")


def test_a_subclass_copying_a_settings_dict_is_held_by_its_base(tmp_path):
    settings = 'import os\n\nKEY_PARAMS = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
    contacts = FROM_MODULE_DICT.replace(
        'KEY_PARAMS = {"hapikey": os.environ["HUBSPOT_API_KEY"]}',
        "from settings import KEY_PARAMS",
    )
    files = {
        "base.py": BASE_PARAMS_READER,
        "contacts.py": contacts,
        "settings.py": settings,
    }
    results = tree(tmp_path, files)
    left_alone(results["contacts.py"], "reads self.params")
    assert not results["settings.py"].changed


def test_a_module_dict_copy_migrates_when_the_base_reads_nothing(tmp_path):
    base = BASE.replace('        params.update(getattr(self, "auth_params", {}))\n', "")
    results = tree(tmp_path, {"base.py": base, "contacts.py": FROM_MODULE_DICT})
    assert results["contacts.py"].changed
    assert {s.status for s in key_sites(results["contacts.py"])} == {Status.REWRITE}


# -- one web-session entry across the tree --------------------------------------

SPLIT_LISTAR = """\
from django.conf import settings
from hubspot import HubSpot


def listar(request):
    api_key = request.session.setdefault('api_key', settings.HUBSPOT_API_KEY)
    client = HubSpot(api_key=api_key)
    return client.crm.contacts.get_all()
"""

REMOVER = """\
from hubspot import HubSpot


def remover(request, pk):
    api_key = request.session.get('api_key')
    client = HubSpot(api_key=api_key)
    return client.crm.deals.basic_api.archive(pk)
"""


def test_a_session_entry_left_in_another_app_holds_this_one(tmp_path):
    files = {
        "contacts/__init__.py": "",
        "contacts/views.py": SPLIT_LISTAR,
        "deals/__init__.py": "",
        "deals/views.py": REMOVER,
    }
    results = tree(tmp_path, files)
    left_alone(results["deals/views.py"], "'api_key'", "contacts/views.py:7")
    left_alone(results["contacts/views.py"])


LOGIN = """\
from django.contrib.auth import login
from django.shortcuts import redirect


def login_view(request):
    user = authenticate_form(request)
    login(request, user)
    request.session['api_key'] = user.profile.hubspot_api_key
    return redirect('/crm/')
"""


def test_a_session_entry_filled_from_a_stored_key_stays(tmp_path):
    files = {
        "accounts/__init__.py": "",
        "accounts/views.py": LOGIN,
        "crm/__init__.py": "",
        "crm/views.py": REMOVER,
    }
    results = tree(tmp_path, files)
    left_alone(
        results["crm/views.py"], "accounts/views.py:8", "user.profile.hubspot_api_key"
    )


CONNECT = """\
import re

from django.shortcuts import redirect, render
from hubspot import HubSpot

API_KEY_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def connect(request):
    key = request.POST.get('api_key', '')
    if not API_KEY_RE.match(key):
        return render(request, 'home.html', {'error': 'Enter your portal API key'})
    request.session['api_key'] = key
    return redirect('/contacts/')


def contacts(request):
    api_key = request.session.get('api_key')
    if not api_key:
        return redirect('/')
    client = HubSpot(api_key=api_key)
    return render(request, 'list.html', {'contacts': client.crm.contacts.get_all()})
"""


def test_a_session_entry_checked_as_an_api_key_when_written_stays(tmp_path):
    results = tree(tmp_path, {"views.py": CONNECT})
    left_alone(results["views.py"], "API_KEY_RE.match(key)", "line 11")


def test_a_session_entry_the_visitor_types_migrates_across_apps(tmp_path):
    connect = CONNECT.replace(
        "    if not API_KEY_RE.match(key):\n", "    if not key:\n"
    ).split("\n\ndef contacts")[0]
    files = {
        "accounts/__init__.py": "",
        "accounts/views.py": connect + "\n",
        "crm/__init__.py": "",
        "crm/views.py": REMOVER,
    }
    results = tree(tmp_path, files)
    assert "HubSpot(access_token=api_key)" in migrated(results["crm/views.py"])


def test_a_session_entry_read_by_one_module_migrates(tmp_path):
    results = tree(tmp_path, {"deals/__init__.py": "", "deals/views.py": REMOVER})
    assert "HubSpot(access_token=api_key)" in migrated(results["deals/views.py"])


def test_another_entry_left_in_another_app_does_not_hold(tmp_path):
    files = {
        "contacts/__init__.py": "",
        "contacts/views.py": SPLIT_LISTAR.replace("'api_key'", "'portal_key'"),
        "deals/__init__.py": "",
        "deals/views.py": REMOVER,
    }
    results = tree(tmp_path, files)
    assert "HubSpot(access_token=api_key)" in migrated(results["deals/views.py"])


def test_the_attributes_name_as_a_key_of_the_requests_kwargs_migrates(tmp_path):
    """``kwargs.setdefault("params", {})``: a key of the request's arguments,
    not the attribute ``params`` read by its name."""
    source = """\
    import os

    import requests


    class HubClient:
        base_url = "https://api.hubapi.com"

        def __init__(self):
            self.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}

        def _request(self, method, path, **kwargs):
            kwargs.setdefault("params", {}).update(self.params)
            return requests.request(method, self.base_url + path, **kwargs).json()

        def owners(self):
            return self._request("GET", "/crm/v3/owners")
    """
    assert "hapikey" not in migrated(tree(tmp_path, {"hub.py": source})["hub.py"])


def test_a_base_naming_the_attribute_as_a_mapping_key_lets_it_migrate(tmp_path):
    base = BASE_PARAMS_READER.replace(
        "params.update(self.params)", 'params.setdefault("params", None)'
    )
    results = tree(tmp_path, {"base.py": base, "contacts.py": FROM_MODULE_DICT})
    assert {s.status for s in key_sites(results["contacts.py"])} == {Status.REWRITE}


def test_a_tests_session_fixture_is_no_writer(tmp_path):
    test = """\
    from django.test import TestCase


    class RemoverTests(TestCase):
        def test_remove(self):
            self.client.session['api_key'] = 'test-key'
            self.client.delete('/deals/1/')
    """
    files = {
        "deals/__init__.py": "",
        "deals/views.py": REMOVER,
        "tests/test_views.py": test,
    }
    results = tree(tmp_path, files)
    assert "HubSpot(access_token=api_key)" in migrated(results["deals/views.py"])


def test_a_view_only_writing_an_entry_sends_nothing_of_it(tmp_path):
    """A configured key sent by the view that stores an OAuth token in the
    session: that view does not read the entry, whatever filled it."""
    source = """\
    import json

    from django.shortcuts import redirect
    from hubspot import HubSpot

    with open("config.json") as fh:
        configs = json.load(fh)
    api_key = configs["api_key"]


    def auth(request):
        client = HubSpot(api_key=api_key)
        tokens = client.auth.oauth.tokens_api.create_token(
            grant_type="authorization_code", code=request.GET.get("code")
        )
        request.session['token'] = tokens.access_token
        return redirect('index')
    """
    files = {"views.py": source, "config.json": '{"api_key": "x"}'}
    result = tree(tmp_path, files)["views.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}, [
        s.reason for s in key_sites(result)
    ]
