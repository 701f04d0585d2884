"""SDK method calls mapped to HubSpot endpoints (issue #12, item 11): the data
file is what ``scripts/build_sdk_operations.py`` reads from the SDKs' sources, the
lookup gives HubSpot's documented paths, and ``report`` lists a client's calls
with their scopes instead of "the scopes depend on the API methods"."""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from hapimigrate.hubspot import scopes_for, sdk_operations
from hapimigrate.hubspot.sdk_operations import Arguments
from hapimigrate.model import Endpoint, Kind, Status
from hapimigrate.report import SDK_MORE_CALLS
from tests.conftest import invoke, migrate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "hapimigrate" / "hubspot" / "data" / "sdk_operations.json"
sys.path.insert(0, str(ROOT / "scripts"))
import build_sdk_operations as builder  # noqa: E402

HAC, H3, HAPI = "hubspot-api-client", "hubspot3", "hapipy"
DEPENDS = "SDK client: the scopes depend on the API methods the code calls"


# -- the lookup -------------------------------------------------------------------
@pytest.mark.parametrize(
    "chain, expected",
    [
        ("crm.contacts.basic_api.get_page", ("GET", "/crm/v3/objects/contacts")),
        ("crm.contacts.basic_api.get_by_id", ("GET", "/crm/v3/objects/contacts/{contactId}")),
        ("crm.contacts.basic_api.create", ("POST", "/crm/v3/objects/contacts")),
        ("crm.contacts.basic_api.update", ("PATCH", "/crm/v3/objects/contacts/{contactId}")),
        ("crm.contacts.search_api.do_search", ("POST", "/crm/v3/objects/contacts/search")),
        ("crm.deals.batch_api.read", ("POST", "/crm/v3/objects/deals/batch/read")),
        ("crm.companies.basic_api.archive", ("DELETE", "/crm/v3/objects/companies/{companyId}")),
        ("crm.owners.owners_api.get_page", ("GET", "/crm/v3/owners")),
        ("crm.properties.core_api.get_all", ("GET", "/crm/v3/properties/{objectType}")),
        ("crm.pipelines.pipelines_api.get_all", ("GET", "/crm/v3/pipelines/{objectType}")),
    ],
)  # fmt: skip
def test_hubspot_api_client_methods_give_hubspots_documented_operations(
    chain, expected
):
    [endpoint] = sdk_operations.endpoints(HAC, chain.split("."))
    assert (endpoint.method, endpoint.path) == expected
    # and that operation is one of HubSpot's OpenAPI descriptions, as written
    assert (endpoint.method, _shape(endpoint.path)) in _openapi_operations()
    assert scopes_for(endpoint.method, endpoint.path) is not None


def test_most_mapped_operations_are_in_hubspots_descriptions():
    """A parser that misread the generated classes would give paths HubSpot
    does not describe (the rest are v3 paths HubSpot has since dropped, as the
    per-object association paths of 5.x)."""
    operations = _data()[HAC]["operations"]
    entries = [e for each in operations.values() for e in each]
    known = [e for e in entries if (e[0], _shape(e[1])) in _openapi_operations()]
    assert len(operations) > 600
    assert len(known) / len(entries) > 0.8


def test_generated_method_variants_and_discovery_helpers():
    plain = sdk_operations.endpoints(HAC, ("crm", "deals", "basic_api", "get_page"))
    for name in ("get_page_with_http_info", "get_page_without_preload_content"):
        assert (
            sdk_operations.endpoints(HAC, ("crm", "deals", "basic_api", name)) == plain
        )
    # client.crm.contacts.get_all() pages through basic_api.get_page
    assert sdk_operations.endpoints(HAC, ("crm", "contacts", "get_all")) == (
        Endpoint("GET", "/crm/v3/objects/contacts"),
    )
    assert (
        sdk_operations.endpoints(HAC, ("crm", "contacts", "basic_api", "nope")) is None
    )
    assert sdk_operations.endpoints(HAC, ("api_request",)) is None


def test_an_object_type_given_literally_picks_the_object_and_its_scope():
    chain = ("crm", "objects", "basic_api", "get_page")
    [generic] = sdk_operations.endpoints(HAC, chain, Arguments())
    assert generic.path == "/crm/v3/objects/{objectType}"
    for arguments in (
        Arguments(("tickets",)),
        Arguments(keywords={"object_type": "tickets"}),
    ):
        [tickets] = sdk_operations.endpoints(HAC, chain, arguments)
        assert tickets == Endpoint("GET", "/crm/v3/objects/tickets")
        assert scopes_for(tickets.method, tickets.path).scopes == ("tickets",)
    [unknown] = sdk_operations.endpoints(HAC, chain, Arguments((None,)))
    assert unknown.path == "/crm/v3/objects/{objectType}"  # a variable: not guessed


def test_hubspot3_methods_give_the_v1_v2_paths_they_build():
    def one(chain, client=None):
        [endpoint] = sdk_operations.endpoints(H3, chain, Arguments(), client)
        return endpoint.method, endpoint.path

    assert one(("contacts", "get_by_id")) == (
        "GET",
        "/contacts/v1/contact/vid/{contact_id}/profile",
    )
    assert one(("get_by_id",), "ContactsClient") == one(("contacts", "get_by_id"))
    assert sdk_operations.endpoints(H3, ("get_by_id",), client="Hubspot3") is None
    assert one(("deals", "get")) == ("GET", "/deals/v1/deal/{deal_id}")
    assert one(("companies", "get")) == ("GET", "/companies/v2/companies/{company_id}")
    assert one(("deals", "get_recently_modified")) == (
        "GET",
        "/deals/v1/deal/recent/modified",
    )
    assert one(("contacts", "create")) == ("POST", "/contacts/v1/contact")
    assert scopes_for("POST", "/contacts/v1/contact").scopes == (
        "crm.objects.contacts.write",
    )
    # the form submission client posts to forms.hubspot.com: no token at all
    assert one(("form_submissions", "submit_form")) == (
        "POST",
        "/uploads/form/v2/{portal_id}/{form_guid}",
    )
    assert sdk_operations.endpoints(H3, ("contacts",)) is None
    assert sdk_operations.endpoints(H3, ("nope", "get")) is None
    assert sdk_operations.client_class(H3, "contacts") == "ContactsClient"
    assert sdk_operations.endpoints(HAPI, ("get_leads",), client="LeadsClient") == (
        Endpoint("GET", "/leads/v1/list"),
    )  # fmt: skip


def test_a_default_fills_its_placeholder_only_when_the_call_cannot_pass_it():
    """hubspot3's ``get_all(list_id="all")`` reads the all-contacts feed, which
    outlived the lists sunset; a list's own feed is retired."""

    def feed(arguments):
        found = sdk_operations.endpoints(H3, ("contacts", "get_all"), arguments)
        [path] = [e.path for e in found if "/lists/" in e.path]
        return path

    assert feed(Arguments()) == "/contacts/v1/lists/all/contacts/all"
    assert (
        feed(Arguments(keywords={"list_id": "123"}))
        == "/contacts/v1/lists/123/contacts/all"
    )
    assert feed(Arguments((None, None, "77"))) == "/contacts/v1/lists/77/contacts/all"
    assert (
        feed(Arguments(keywords={"list_id": None}))
        == "/contacts/v1/lists/{list_id}/contacts/all"
    )
    assert feed(Arguments(spread=True)) == "/contacts/v1/lists/{list_id}/contacts/all"
    assert (
        feed(Arguments(keywords={"list_id": "a/b"}))
        == "/contacts/v1/lists/{list_id}/contacts/all"
    )
    # and a method calling it with its defaults reads the all-contacts feed
    paths = {e.path for e in sdk_operations.endpoints(H3, ("contacts", "delete_all"))}
    assert "/contacts/v1/lists/all/contacts/all" in paths


def test_the_data_records_what_it_was_built_from():
    data = _data()
    assert data[HAC]["versions"][0] == "5.1.1"  # the last that took API keys
    assert data[H3]["versions"] and data[HAPI]["versions"]
    assert sdk_operations.versions(HAC) == tuple(data[HAC]["versions"])


# -- the script -------------------------------------------------------------------
def test_the_script_reads_generated_classes_and_discovery(tmp_path):
    wheel = _wheel(
        tmp_path / "hubspot_api_client-9.9.9-py3-none-any.whl",
        "hubspot_api_client-9.9.9",
        {
            "hubspot/client.py": """
                class Client:
                    @property
                    def crm(self):
                        from .discovery.crm.discovery import Discovery as CrmDiscovery
                        return CrmDiscovery(self.config)
            """,
            "hubspot/discovery/crm/discovery.py": """
                from ..discovery_base import DiscoveryBase
                from .things.discovery import Discovery as ThingsDiscovery

                class Discovery(DiscoveryBase):
                    @property
                    def things(self):
                        return ThingsDiscovery(self.config)
            """,
            "hubspot/discovery/crm/things/discovery.py": """
                import hubspot.crm.things as api_client
                from hubspot.utils.objects import fetch_all

                class Discovery:
                    @property
                    def basic_api(self):
                        return self._configure_api_client(api_client, "BasicApi")

                    def get_all(self, **kwargs):
                        return fetch_all(self.basic_api, **kwargs)
            """,
            "hubspot/crm/things/api/basic_api.py": """
                class BasicApi:
                    def get_page(self, thing_type, **kwargs):
                        return self.get_page_with_http_info(thing_type, **kwargs)

                    def get_page_with_http_info(self, thing_type, **kwargs):
                        return self.api_client.call_api("/crm/v3/things/{thingType}/", "GET")

                    def _archive_serialize(self, thing_id):
                        return self.api_client.param_serialize(
                            method="DELETE", resource_path="/crm/v3/things/x/{thingId}"
                        )
            """,
        },
    )
    data = builder.build([wheel])
    assert data[HAC]["versions"] == ["9.9.9"]
    assert data[HAC]["operations"] == {
        "crm.things.basic_api.archive": [["DELETE", "/crm/v3/things/x/{thingId}"]],
        "crm.things.basic_api.get_page": [
            [
                "GET",
                "/crm/v3/things/{thingType}",
                {"thingType": ["thing_type", 0, None]},
            ]
        ],
        "crm.things.get_all": [["GET", "/crm/v3/things/{thingType}"]],
    }


def test_the_script_reads_hand_written_clients(tmp_path):
    wheel = _wheel(
        tmp_path / "hubspot3-1.0.0-py3-none-any.whl",
        "hubspot3-1.0.0",
        {
            "hubspot3/base.py": """
                class BaseClient:
                    def _get_path(self, subpath):
                        return subpath
            """,
            "hubspot3/__init__.py": """
                class Hubspot3:
                    @property
                    def widgets(self):
                        from hubspot3.widgets import WidgetsClient
                        return WidgetsClient(**self.auth)
            """,
            "hubspot3/widgets.py": """
                from hubspot3.base import BaseClient
                VERSION = "2"

                class WidgetsClient(BaseClient):
                    class Kind:
                        BLUE = "blue"

                    def _get_path(self, subpath):
                        return f"widgets/v{self.options.get('version') or VERSION}/{subpath}"

                    def get(self, widget_id, **options):
                        return self._call(f"widget/{widget_id}", method="GET", **options)

                    def feed(self, kind="all", **options):
                        return self._call("feed/%s/items?x=1" % kind, **options)

                    def blue(self):
                        return self.feed(WidgetsClient.Kind.BLUE)

                    def raw(self, path, **options):
                        return self._call(path, method="POST")
            """,
        },
    )
    data = builder.build([wheel])[H3]
    assert data["clients"] == {"widgets": "WidgetsClient"}
    assert data["operations"] == {
        "WidgetsClient.blue": [["GET", "/widgets/v2/feed/blue/items"]],
        "WidgetsClient.feed": [
            ["GET", "/widgets/v2/feed/{kind}/items", {"kind": ["kind", 0, "all"]}]
        ],
        "WidgetsClient.get": [["GET", "/widgets/v2/widget/{widget_id}"]],
    }  # raw(): the caller's path, left out rather than guessed


def test_the_data_file_is_what_the_script_builds_from_the_sdks():
    """Rebuilt from the downloaded distributions when they are at hand
    (``HAPIMIGRATE_SDK_DISTS``, default /tmp/sdks; see the script's docstring)."""
    folder = Path(os.environ.get("HAPIMIGRATE_SDK_DISTS", "/tmp/sdks"))
    data = _data()
    names = {HAC: "hubspot_api_client", H3: "hubspot3", HAPI: "hapipy"}
    paths = []
    for sdk, entry in data.items():
        for version in entry["versions"]:
            found = sorted(folder.glob(f"{names[sdk]}-{version}[-.]*"))
            if not found:
                pytest.skip(f"{names[sdk]} {version} not downloaded in {folder}")
            paths.append(found[0])
    assert builder.dump(builder.build(paths)) == DATA.read_text(encoding="utf-8")


# -- the report -------------------------------------------------------------------
APP = textwrap.dedent("""\
    import os

    from hubspot import HubSpot
    from hubspot3 import Hubspot3
    from hubspot3.deals import DealsClient

    client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])
    legacy = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"])


    def contacts():
        return client.crm.contacts.basic_api.get_page(limit=10)


    def tickets():
        api = client.crm.objects.basic_api
        return api.get_page("tickets")


    def everyone():
        if legacy is None:
            return []
        return legacy.contacts.get_all()


    class Sync:
        def __init__(self):
            self.deals = DealsClient(api_key=os.environ["HUBSPOT_API_KEY"])

        def run(self):
            return self.deals.get_recently_modified()
    """)


def test_report_lists_each_clients_calls_with_their_scopes(tmp_path):
    (tmp_path / "app.py").write_text(APP)
    document = json.loads(
        invoke("report", "--format", "json", "app.py", cwd=tmp_path).stdout
    )
    calls = {
        site["line"]: [(c["method"], c["endpoint"], c["scopes"]) for c in site["calls"]]
        for site in document["sites"]
        if site["kind"] == "sdk"
    }
    assert calls == {
        7: [
            ("GET", "/crm/v3/objects/contacts", ["crm.objects.contacts.read"]),
            ("GET", "/crm/v3/objects/tickets", ["tickets"]),
        ],
        8: [
            ("GET", "/contacts/v1/contact/vids/batch", ["crm.objects.contacts.read"]),
            (
                "GET",
                "/contacts/v1/lists/all/contacts/all",
                ["crm.objects.contacts.read"],
            ),
        ],
        28: [("GET", "/deals/v1/deal/recent/modified", ["crm.objects.deals.read"])],
    }
    assert document["unknown_endpoints"] == []
    assert document["scopes"] == [
        "crm.objects.contacts.read",
        "crm.objects.deals.read",
        "tickets",
    ]
    text = invoke("report", "app.py", cwd=tmp_path).stdout
    assert "/deals/v1/deal/recent/modified" in text and DEPENDS not in text
    # an SDK method is not a path --modernize can move
    assert "an SDK method: --modernize does not move it" in text
    assert "--modernize` rewrites it" not in text


def test_the_rewrite_and_statuses_do_not_depend_on_the_calls():
    result = migrate(APP)
    sites = [s for s in result.sites if s.kind == Kind.SDK]
    assert [s.status for s in sites] == [Status.REWRITE] * 3
    new = result.new.decode()
    assert new.count("access_token=") == 3 and "api_key" not in new
    bare = APP.split("\n\n\ndef contacts")[0] + "\n"  # the same clients, no calls
    assert migrate(bare).new.decode() == new.split("\n\n\ndef contacts")[0] + "\n"


@pytest.mark.parametrize(
    "source, why",
    [
        (  # a factory: its callers here are seen, others elsewhere are not
            """
            def get_client():
                return HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])

            def contacts():
                return get_client().crm.contacts.basic_api.get_page()
            """,
            SDK_MORE_CALLS,
        ),
        (  # passed on
            """
            client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])

            def contacts():
                sync(client)
                return client.crm.contacts.basic_api.get_page()
            """,
            SDK_MORE_CALLS,
        ),
        (  # a method the mapping does not know
            """
            client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])
            client.crm.contacts.basic_api.get_page()
            client.api_request({"method": "GET", "path": "/crm/v3/objects/deals"})
            """,
            SDK_MORE_CALLS,
        ),
        (  # no call in this module: used by others
            """
            client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])
            """,
            DEPENDS,
        ),
    ],
)
def test_a_client_that_may_make_other_calls_says_so(tmp_path, source, why):
    head = "import os\nfrom hubspot import HubSpot\n"
    (tmp_path / "app.py").write_text(head + textwrap.dedent(source))
    document = json.loads(
        invoke("report", "--format", "json", "app.py", cwd=tmp_path).stdout
    )
    [site] = document["sites"]
    listed = [(c["method"], c["endpoint"]) for c in site["calls"]]
    if why == DEPENDS:
        assert listed == []
    else:
        assert listed == [("GET", "/crm/v3/objects/contacts"), (None, None)]
    assert [u["reason"] for u in document["unknown_endpoints"]] == [why]
    text = invoke("report", "app.py", cwd=tmp_path).stdout
    assert f"app.py:{site['line']}: {why}" in text


def test_hapipy_clients_stay_manual_and_list_their_endpoints():
    source = textwrap.dedent("""\
        from hapi.leads import LeadsClient

        leads = LeadsClient(api_key=API_KEY)
        leads.get_leads()
        """)
    [site] = migrate(source).sites
    assert site.status == Status.MANUAL and "hapipy" in site.reason
    assert site.calls == (Endpoint("GET", "/leads/v1/list"),)


# -- helpers ----------------------------------------------------------------------
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path.rstrip("/"))


_OPENAPI: set = set()


def _openapi_operations() -> set[tuple[str, str]]:
    if not _OPENAPI:
        document = json.loads((DATA.parent / "openapi.json").read_text("utf-8"))
        _OPENAPI.update((op[0], _shape(op[1])) for op in document["operations"])
    return _OPENAPI


def _wheel(path: Path, dist_info: str, files: dict[str, str]) -> Path:
    name, version = dist_info.rsplit("-", 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name_in, text in files.items():
            archive.writestr(name_in, textwrap.dedent(text))
        archive.writestr(
            f"{dist_info}.dist-info/METADATA", f"Name: {name}\nVersion: {version}\n"
        )
    return path


def test_calls_through_a_class_attribute_and_a_stored_api(tmp_path):
    source = textwrap.dedent("""\
        import os
        from hubspot import HubSpot


        class Sync:
            client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])

            def run(self):
                deals = self.client.crm.deals
                api = deals.batch_api
                return api.read_with_http_info(body), deals.basic_api.create(body)
        """)
    [site] = migrate(source).sites
    assert site.calls == (
        Endpoint("POST", "/crm/v3/objects/deals/batch/read"),
        Endpoint("POST", "/crm/v3/objects/deals"),
    )


def test_a_client_whose_key_is_set_later_lists_its_calls_too():
    source = textwrap.dedent("""\
        from hubspot import HubSpot

        hs = HubSpot()
        hs.api_key = portals.key_for(portal)
        hs.crm.companies.basic_api.get_page()
        """)
    [site] = migrate(source).sites
    assert site.status == Status.MANUAL and "set access_token instead" in site.reason
    assert site.calls == (Endpoint("GET", "/crm/v3/objects/companies"),)


def test_a_method_handed_on_uncalled_makes_its_own_calls():
    """``retry(api.get_page)``: whoever calls it reads contacts; its arguments
    are unknown here, so a default is not assumed."""
    source = textwrap.dedent("""\
        from hubspot3 import Hubspot3

        client = Hubspot3(api_key=API_KEY)
        everyone = retry(client.contacts.get_all)
        """)
    [site] = migrate(source).sites
    assert site.calls == (
        Endpoint("GET", "/contacts/v1/contact/vids/batch"),
        Endpoint("GET", "/contacts/v1/lists/{list_id}/contacts/all"),
    )


def test_the_oldest_version_given_wins_whatever_the_order(tmp_path):
    def release(version, path, extra=""):
        return _wheel(
            tmp_path / f"hubspot_api_client-{version}-py3-none-any.whl",
            f"hubspot_api_client-{version}",
            {
                "hubspot/client.py": """
                    import hubspot.crm.things as api_client

                    class Client:
                        @property
                        def things_api(self):
                            return self._configure_api_client(api_client, "ThingsApi")
                """,
                "hubspot/crm/things/api/things_api.py": f"""
                    class ThingsApi:
                        def get_with_http_info(self):
                            return self.api_client.call_api("{path}", "GET")
                        {extra}
                """,
            },
        )

    new = release(
        "10.0.0",
        "/crm/v4/things",
        "def added_with_http_info(self):\n"
        '                            return self.api_client.call_api("/x/v4", "PUT")',
    )
    old = release("2.0.0", "/crm/v3/things")
    data = builder.build([new, old])[HAC]
    assert data["versions"] == ["2.0.0", "10.0.0"]
    assert data["operations"] == {
        "things_api.added": [["PUT", "/x/v4"]],
        "things_api.get": [["GET", "/crm/v3/things"]],
    }


def test_a_client_used_for_webhooks_only_keeps_its_developer_key():
    """Its known calls are developer-key endpoints: the key is a developer key,
    kept (it was rewritten to access_token before the calls were known)."""
    from hapimigrate.model import Status
    from tests.conftest import migrate

    source = (
        "import os\nfrom hubspot import HubSpot\n"
        "client = HubSpot(api_key=os.environ['HUBSPOT_KEY'])\n"
        "def subscriptions(app_id):\n"
        "    return client.webhooks.subscriptions_api.get_all(app_id=app_id)\n"
    )
    result = migrate(source)
    assert result.new is None
    assert [s.status for s in result.sites if s.kind.value == "sdk"] == [Status.KEPT]
    mixed = source.replace(
        "def subscriptions", "def hand_over():\n    return client\ndef subscriptions"
    )
    result = migrate(mixed)
    assert result.new is None  # the client leaves: other calls may need a token
    assert [s.status for s in result.sites if s.kind.value == "sdk"] == [Status.MANUAL]
