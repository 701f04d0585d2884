"""The report names each endpoint a wrapper is called with (#12 item 9): the
wrapper's calls in its own module (through wrappers of wrappers), in other
modules (an imported function, an instance made here, imported from the
module that made it, held as an attribute, a subclass's own calls), and a
URL helper of the module (``_url("/x")`` with ``def _url(path): return BASE +
path``). Each endpoint gives its scopes; a wrapper nobody calls keeps "built
at run time"."""

from __future__ import annotations

from pathlib import Path

from hapimigrate import report
from tests.trees import tree

CLIENT = """\
    import os
    import requests

    BASE = "https://api.hubapi.com"


    class HubSpotAPI:
        def __init__(self, key=None):
            self.key = key or os.environ["HUBSPOT_API_KEY"]

        def _request(self, method, path, **kwargs):
            kwargs.setdefault("params", {})["hapikey"] = self.key
            return requests.request(method, BASE + path, **kwargs)

        def get(self, path, **kwargs):
            return self._request("GET", path, **kwargs)

        def post(self, path, **kwargs):
            return self._request("POST", path, **kwargs)

        def delete(self, path, **kwargs):
            return self._request("DELETE", path, **kwargs)
"""


def _calls(result) -> set[tuple[str | None, str | None]]:
    return {
        (c.method, c.path)
        for s in result.sites
        if s.kind.value not in ("call", "version")
        for c in s.calls
    }


def test_an_instance_made_in_one_module_and_imported_by_another(tmp_path: Path):
    results = tree(
        tmp_path,
        {
            "portal/__init__.py": "",
            "portal/hubspot_api.py": CLIENT,
            "portal/extensions.py": """\
                from .hubspot_api import HubSpotAPI

                hubspot = HubSpotAPI()
            """,
            "portal/views.py": """\
                from .extensions import hubspot


                def profile(vid):
                    return hubspot.get("/contacts/v1/contact/vid/%d/profile" % vid)


                def upsert(email, props):
                    hubspot.post(
                        f"/contacts/v1/contact/createOrUpdate/email/{email}/",
                        json={"properties": props},
                    )
            """,
        },
    )
    calls = _calls(results["portal/hubspot_api.py"])
    assert calls == {
        ("GET", "/contacts/v1/contact/vid/{vid}/profile"),
        ("POST", "/contacts/v1/contact/createOrUpdate/email/{email}/"),
        ("DELETE", None),  # nobody calls delete: still unknown
    }
    built = report.build(results["portal/hubspot_api.py"].sites, "env:X")
    assert {"crm.objects.contacts.read", "crm.objects.contacts.write"} <= set(
        built.scopes
    )
    assert [u.reason for u in built.unknown] == [
        "the path is HubSpotAPI.delete()'s path, and no call of it in the tree"
        " gives one"
    ]


def test_local_instances_attributes_and_subclasses(tmp_path: Path):
    results = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/client.py": CLIENT,
            "crm/deals.py": """\
                from crm.client import HubSpotAPI


                class DealsClient(HubSpotAPI):
                    def deal(self, deal_id):
                        return self.get("/deals/v1/deal/{}".format(deal_id))
            """,
            "crm/owners.py": """\
                from crm import client


                class OwnerSync:
                    def __init__(self):
                        self.api = client.HubSpotAPI()

                    def owners(self):
                        return self.api.get("/owners/v2/owners")


                def remove(vid):
                    api = client.HubSpotAPI()
                    api.delete("/contacts/v1/contact/vid/" + str(vid))
            """,
        },
    )
    assert _calls(results["crm/client.py"]) == {
        ("GET", "/deals/v1/deal/{deal_id}"),
        ("GET", "/owners/v2/owners"),
        ("DELETE", "/contacts/v1/contact/vid/{vid}"),
        ("POST", None),
    }


def test_a_module_function_with_the_method_as_a_parameter(tmp_path: Path):
    results = tree(
        tmp_path,
        {
            "api.py": """\
                import os
                import requests


                def send(method, path, **kw):
                    params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
                    return requests.request(
                        method, "https://api.hubapi.com" + path, params=params, **kw
                    )
            """,
            "jobs.py": """\
                import api
                from api import send as hs


                def nightly():
                    api.send("GET", "/deals/v1/deal/paged")
                    hs("POST", "/engagements/v1/engagements", json={})
            """,
        },
    )
    assert _calls(results["api.py"]) == {
        ("GET", "/deals/v1/deal/paged"),
        ("POST", "/engagements/v1/engagements"),
    }


def test_names_given_anything_else_are_not_followed(tmp_path: Path):
    """A name bound to an instance and to something else, a call with ``*``,
    and the calls of tests are not counted."""
    results = tree(
        tmp_path,
        {
            "client.py": CLIENT,
            "app.py": """\
                import other
                from client import HubSpotAPI

                api = HubSpotAPI()
                if other.MIRROR:
                    api = other.Mirror()
                api.get("/deals/v1/deal/paged")
                HubSpotAPI().post(*other.ARGS)
            """,
            "other.py": "MIRROR = None\nARGS = ()\n",
            "tests/test_client.py": """\
                from client import HubSpotAPI

                HubSpotAPI().post("/contacts/v1/contact")
            """,
        },
    )
    assert _calls(results["client.py"]) == {
        ("GET", None),
        ("POST", None),
        ("DELETE", None),
    }


def test_wrappers_of_wrappers_in_one_module(tmp_path: Path):
    results = tree(
        tmp_path,
        {
            "hs.py": CLIENT
            + """\


    class Contacts(HubSpotAPI):
        def profile(self, vid):
            return self.get("/contacts/v1/contact/vid/%s/profile" % vid)
""",
        },
    )
    assert ("GET", "/contacts/v1/contact/vid/{vid}/profile") in _calls(results["hs.py"])


def test_a_url_helper_of_the_module(tmp_path: Path):
    results = tree(
        tmp_path,
        {
            "hs.py": """\
                import os
                import requests

                API_ROOT = "https://api.hubapi.com"
                KEY = os.environ["HUBSPOT_API_KEY"]


                def _url(path):
                    return API_ROOT + path


                def get_contact(email):
                    url = _url("/contacts/v1/contact/email/%s/profile" % email)
                    return requests.get(url, params={"hapikey": KEY}).json()


                def add(list_id, vids):
                    return requests.post(
                        _url("/contacts/v1/lists/%d/add" % list_id) + "?hapikey=" + KEY,
                        json={"vids": vids},
                    )
            """,
        },
    )
    assert _calls(results["hs.py"]) == {
        ("GET", "/contacts/v1/contact/email/{email}/profile"),
        ("POST", "/contacts/v1/lists/{list_id}/add"),
    }
    assert all(s.status.value == "rewrite" for s in results["hs.py"].sites)


def test_a_url_helper_giving_another_host_is_that_host(tmp_path: Path):
    """The helper's host is the URL's: a token is not sent to a mirror the
    helper names."""
    results = tree(
        tmp_path,
        {
            "hs.py": """\
                import os
                import requests

                KEY = os.environ["HUBSPOT_API_KEY"]


                def _url(path, host="https://hubspot-mirror.example.com"):
                    return host + path


                def get_contact(email):
                    url = _url("/contacts/v1/contact/email/%s/profile" % email)
                    return requests.get(url + "?hapikey=" + KEY).json()
            """,
        },
    )
    sites = [s for s in results["hs.py"].sites if s.kind.value == "url"]
    assert [s.status.value for s in sites] == ["manual"]
    assert "hubspot-mirror.example.com" in sites[0].reason


def test_a_value_other_modules_send_calls_what_their_requests_call(tmp_path: Path):
    """``PARAMS = {"hapikey": KEY}`` in constants.py: its site lists the
    endpoints of the requests sending it, and is no unknown endpoint."""
    results = tree(
        tmp_path,
        {
            "etl/__init__.py": "",
            "etl/constants.py": """\
                import os

                KEY = os.environ["HUBSPOT_API_KEY"]
                PARAMS = {"hapikey": KEY}
                DEAL_URL = "https://api.hubapi.com/deals/v1/deal/{}?hapikey=" + KEY
            """,
            "etl/deals.py": """\
                import requests

                from etl.constants import DEAL_URL, PARAMS


                def pipelines():
                    return requests.get(
                        "https://api.hubapi.com/deals/v1/pipelines", params=PARAMS
                    )


                def deal(deal_id):
                    return requests.get(DEAL_URL.format(deal_id))
            """,
            "etl/owners.py": """\
                import requests

                from etl import constants


                def owners():
                    return requests.get(
                        "https://api.hubapi.com/owners/v2/owners",
                        params=constants.PARAMS,
                    )
            """,
        },
    )
    constants = results["etl/constants.py"]
    by_line = {
        s.line: {(c.method, c.path) for c in s.calls}
        for s in constants.sites
        if s.kind.value in ("params", "url")
    }
    assert by_line == {
        4: {("GET", "/deals/v1/pipelines"), ("GET", "/owners/v2/owners")},
        5: {("GET", "/deals/v1/deal/{}")},
    }
    assert report.build(constants.sites, "env:X").unknown == ()


FORMS = """\
    import os
    import requests


    class FormsClient(object):
        def __init__(self, api_key=None):
            self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]
            self.api_url = "https://api.hubapi.com/forms/v2"
            self.query = {"hapikey": self.api_key}

        def forms(self):
            return requests.get(self.api_url + "/forms", params=self.query).json()

        def fields(self, guid):
            url = "{}/fields/{}".format(self.api_url, guid)
            return requests.get(url, params=self.query).json()
"""


def test_a_base_url_the_constructor_sets_is_part_of_the_endpoint(tmp_path: Path):
    """``self.api_url = ".../forms/v2"`` in ``__init__``: the endpoint is
    ``/forms/v2/forms``, not ``/forms`` (corpus_auto marketing_class_clients
    reported ``GET /forms``, a path HubSpot does not have, without scopes)."""
    results = tree(tmp_path, {"forms.py": FORMS})
    assert _calls(results["forms.py"]) == {
        ("GET", "/forms/v2/forms"),
        ("GET", "/forms/v2/fields/{guid}"),
    }
    # set again elsewhere: the base is known at run time only
    again = FORMS + "\n        def use_eu(self):\n            self.api_url = EU\n"
    results = tree(tmp_path, {"forms.py": again})
    assert ("GET", "/forms/v2/forms") not in _calls(results["forms.py"])
