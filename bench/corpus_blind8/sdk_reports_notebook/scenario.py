"""An analysts' package (2020-2021) next to a notebook: ``hsreports/clients.py`` makes
``HubSpot(api_key=api_key or API_KEY)`` (hubspot-api-client) and ``Hubspot3(api_key=...)``,
and a developer-key ``HubSpot(developer_api_key=...)`` for webhook subscriptions;
``hubspot3.companies.CompaniesClient(api_key=API_KEY)`` in another module; v3 deals paged
with ``paging.next.after``. The notebook ``pipeline_review.ipynb`` imports the package
and also calls deals v1 pipelines with ``"?hapikey=" + API_KEY`` and contacts v1 with
``params={"hapikey": API_KEY}``; the scenario runs its code cells in order."""

import json
import os

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEVELOPER_KEY": "devkey-app"}

RESPONSES = [
    {"method": "SDK", "url": r"crm\.deals\.basic_api\.get_page.*",
     "json": {"results": [{"id": "1", "properties": {"dealstage": "won"}},
                          {"id": "2", "properties": {"dealstage": "won"}}], "paging": None}},
    {"method": "SDK", "url": r"crm\.pipelines\.pipelines_api\.get_all",
     "json": {"results": [{"label": "Sales"}, {"label": "Renewals"}]}},
    {"method": "SDK", "url": r"hubspot3/CompaniesClient\.get_all",
     "json": [{"name": "Beta"}, {"name": "Acme"}]},
    {"method": "SDK", "url": r"hubspot3/owners\.get_owners", "json": [{"ownerId": 1, "email": "a@x"}]},
    {"method": "SDK", "url": r"hubspot3/contacts\.get_recently_modified", "json": [{"vid": 1}]},
    {"method": "SDK", "url": r"webhooks\.subscriptions_api\.get_all",
     "json": {"results": [{"event_type": "contact.creation"}]}},
    {"method": "GET", "url": r"/deals/v1/pipelines",
     "json": [{"stages": [{"stageId": "a", "label": "Open"}, {"stageId": "b", "label": "Won"}]}]},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "json": {"contacts": [{"vid": 1}], "has-more": False}},
]


def case_notebook_top_to_bottom(credential):
    path = os.path.abspath("pipeline_review.ipynb")
    with open(path) as f:
        nb = json.load(f)
    namespace = {"__name__": "__main__"}
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        exec(compile("".join(cell["source"]), path, "exec"), namespace)
    assert namespace["counts"] == {"won": 2}
    assert sorted(namespace["stages"].values()) == ["Open", "Won"]


def case_weekly_job(credential):
    from hsreports import deals, legacy

    assert deals.stage_counts() == {"won": 2}
    assert deals.pipelines() == ["Sales", "Renewals"]
    assert legacy.company_names() == ["Acme", "Beta"]
    assert legacy.owners_by_id() == {1: "a@x"}
    legacy.recent_contacts()


def case_client_portal_key(credential):
    from hsreports import clients, deals

    assert deals.stage_counts(clients.portal_client(credential("client"))) == {"won": 2}


def case_app_subscriptions(credential):
    from hsreports import apps

    assert apps.subscription_types(99) == ["contact.creation"]
