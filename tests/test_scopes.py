"""The scope catalog: every legacy prefix and modern family resolves to the right
scopes, reads and writes apart; every curated entry is reachable and names real
scopes."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from hapimigrate.hubspot import catalog, is_read
from hapimigrate.hubspot import scopes_for as lookup

COARSE = {
    "contacts", "content", "forms", "files", "hubdb", "automation", "timeline", "tickets",
    "e-commerce", "social", "reports", "business-intelligence", "sales-email-read",
    "transactional-email", "oauth",
}  # fmt: skip


def known_scopes() -> set[str]:
    data = json.loads(
        resources.files("hapimigrate.hubspot")
        .joinpath("data", "openapi.json")
        .read_text()
    )
    return {s for group in data["scope_sets"] for s in group} | COARSE


@pytest.mark.parametrize(
    "method,path,scopes,legacy",
    [
        (
            "GET",
            "/contacts/v1/lists/all/contacts/all",
            ["crm.objects.contacts.read"],
            ["contacts"],
        ),
        ("POST", "/contacts/v1/contact", ["crm.objects.contacts.write"], ["contacts"]),
        (
            "GET",
            "/contacts/v1/search/query",
            ["crm.objects.contacts.read"],
            ["contacts"],
        ),
        ("POST", "/contacts/v1/lists/{listId}/add", ["crm.lists.write"], ["contacts"]),
        ("GET", "/deals/v1/deal/paged", ["crm.objects.deals.read"], ["contacts"]),
        ("PUT", "/deals/v1/deal/{dealId}", ["crm.objects.deals.write"], ["contacts"]),
        (
            "GET",
            "/companies/v2/companies/{companyId}",
            ["crm.objects.companies.read"],
            ["contacts"],
        ),
        (
            "DELETE",
            "/companies/v2/companies/{companyId}",
            ["crm.objects.companies.write"],
            ["contacts"],
        ),
        ("GET", "/owners/v2/owners", ["crm.objects.owners.read"], ["contacts"]),
        ("GET", "/forms/v2/forms", ["forms"], ["forms"]),
        ("GET", "/content/api/v2/blog-posts", ["content"], ["content"]),
        ("POST", "/hubdb/api/v2/tables/{tableId}/rows", ["hubdb"], ["hubdb"]),
        ("POST", "/filemanager/api/v2/files", ["files"], ["files"]),
        ("GET", "/automation/v3/workflows", ["automation"], ["automation"]),
        ("GET", "/email/public/v1/campaigns/by-id", ["content"], ["content"]),
        (
            "POST",
            "/email/public/v1/singleEmail/send",
            ["transactional-email"],
            ["transactional-email"],
        ),
        (
            "GET",
            "/properties/v1/contacts/properties",
            ["crm.schemas.contacts.read"],
            ["contacts"],
        ),
        (
            "POST",
            "/properties/v1/deals/properties",
            ["crm.schemas.deals.write"],
            ["contacts"],
        ),
        ("GET", "/crm-objects/v1/objects/tickets/paged", ["tickets"], ["tickets"]),
        (
            "GET",
            "/crm-objects/v1/objects/products/paged",
            ["e-commerce"],
            ["e-commerce"],
        ),
        ("PUT", "/integrations/v1/{appId}/timeline/event", ["timeline"], ["timeline"]),
        ("GET", "/crm/v3/objects/contacts", ["crm.objects.contacts.read"], []),
        ("POST", "/crm/v3/objects/contacts/search", ["crm.objects.contacts.read"], []),
        ("PATCH", "/crm/v3/objects/deals/{dealId}", ["crm.objects.deals.write"], []),
        ("GET", "/crm/v3/objects/deals/{}", ["crm.objects.deals.read"], []),
    ],
)
def test_lookup(method, path, scopes, legacy):
    need = lookup(method, path)
    assert need is not None
    assert list(need.scopes) == scopes
    assert list(need.legacy_scopes) == legacy


def test_modern_any_of():
    assert lookup("GET", "/files/v3/files/{fileId}").any_of == (
        "files",
        "files.read",
        "files.ui_hidden.read",
    )


def test_engagements_need_one_object_scope():
    need = lookup("GET", "/engagements/v1/engagements/paged")
    assert need.scopes == ()
    assert "crm.objects.contacts.read" in need.any_of
    assert lookup("POST", "/crm-associations/v1/associations").any_of == (
        "crm.objects.companies.write",
        "crm.objects.contacts.write",
        "crm.objects.deals.write",
        "e-commerce",
        "tickets",
    )


@pytest.mark.parametrize(
    "path",
    [
        "/webhooks/v1/{appId}/settings",
        "/webhooks/v3/{appId}/subscriptions",
        "/integrations/v1/{appId}/timeline/event-types",
        "/automation/v4/actions/{appId}",
        "/crm/v3/extensions/calling/{appId}/settings",
    ],
)
def test_developer_endpoints_need_no_scopes(path):
    assert lookup("GET", path).source == "developer-key"


def test_unknown_endpoints_are_unknown():
    assert lookup("GET", "/nothing/v9/here") is None
    assert lookup(None, "/deals/v1/deal/1") is None  # read or write? unknowable
    assert lookup(None, "/content/api/v2/blog-posts").scopes == (
        "content",
    )  # same either way


def test_reads_and_writes():
    assert is_read("GET", "/x") and is_read("POST", "/crm/v3/objects/contacts/search")
    assert is_read("POST", "/crm/v3/objects/contacts/batch/read")
    assert not is_read("POST", "/crm/v3/objects/contacts")
    assert not is_read("DELETE", "/deals/v1/deal/1")


@pytest.mark.parametrize("entry", catalog.legacy_entries(), ids=lambda e: e["pattern"])
def test_every_legacy_entry_resolves_its_example_and_names_known_scopes(entry):
    assert re.search(entry["pattern"], entry["example"])
    first = next(
        e for e in catalog.legacy_entries() if re.search(e["pattern"], entry["example"])
    )
    assert first is entry, "an earlier, broader pattern shadows this entry"
    named = [*entry.get("read", []), *entry.get("write", []), *entry.get("legacy", [])]
    named += [*entry.get("read_any_of", []), *entry.get("write_any_of", [])]
    assert set(named) <= known_scopes()
    assert entry["basis"] in ("doc", "inferred", "low")
    if not (entry.get("developer_key") or entry.get("no_auth")):
        assert entry.get("read") or entry.get("read_any_of")
        assert lookup("GET", entry["example"]).source in ("legacy", "openapi")


def test_openapi_catalog_is_well_formed():
    data = json.loads(
        resources.files("hapimigrate.hubspot")
        .joinpath("data", "openapi.json")
        .read_text()
    )
    assert len(data["operations"]) > 3700
    for method, path, required, any_of, developer in data["operations"]:
        assert method in ("GET", "POST", "PUT", "PATCH", "DELETE")
        assert path.startswith("/")
        assert 0 <= required < len(data["scope_sets"]) and 0 <= any_of < len(
            data["scope_sets"]
        )
        assert isinstance(developer, bool)
