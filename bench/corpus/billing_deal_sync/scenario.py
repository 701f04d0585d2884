"""A SaaS back office that mirrors closed HubSpot deals into its own billing API. The HubSpot
class supports two auth modes in one method -- ``Authorization: Bearer`` when an OAuth token
is configured, else the portal key added to ``params`` -- with ``headers=None``/``params=None``
arguments normalised with ``or {}`` and then merged, and ``requests.request(method, url,
...)``. Callers pass their own ``params=`` (list-valued), ``data=`` and ``headers=``. The same
module also calls the company's own billing API with its own token. Cases run both modes.
"""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "BILLING_API_TOKEN": "billing-secret-1",
}

CASE_ENV = {
    "case_sync_oauth_mode": {"HUBSPOT_OAUTH_TOKEN": "oauth-user1"},
    "case_single_deal_oauth_mode": {"HUBSPOT_OAUTH_TOKEN": "oauth-user1"},
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/crm-pipelines/v1/pipelines/deals",
        "json": {
            "results": [
                {
                    "pipelineId": "default",
                    "stages": [
                        {"stageId": "closedwon", "metadata": {"isClosed": "true"}},
                        {"stageId": "qualified", "metadata": {"isClosed": "false"}},
                    ],
                }
            ]
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged.*offset=0(&|$)",
        "json": {
            "deals": [
                {
                    "dealId": 1,
                    "properties": {
                        "dealstage": {"value": "closedwon"},
                        "dealname": {"value": "Acme"},
                        "amount": {"value": "900"},
                    },
                    "associations": {"associatedCompanyIds": [77]},
                },
                {"dealId": 2, "properties": {"dealstage": {"value": "qualified"}}},
            ],
            "hasMore": True,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [
                {
                    "dealId": 3,
                    "properties": {
                        "dealstage": {"value": "closedwon"},
                        "dealname": {"value": "Initech"},
                    },
                    "associations": {},
                }
            ],
            "hasMore": False,
            "offset": 3,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/77",
        "json": {"companyId": 77, "properties": {"name": {"value": "Acme Inc"}}},
    },
    {
        "method": "POST",
        "url": r"billing\.acme-corp\.com/api/v2/subscriptions",
        "json": {"id": "sub_123"},
    },
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 1}},
    {
        "method": "GET",
        "url": r"/deals/v1/deal/\d+",
        "json": {"dealId": 1, "properties": {}},
    },
]


def case_sync_api_key_mode(credential):
    from crm import sync

    sync.sync_closed_deals()


def case_sync_oauth_mode(credential):
    from crm import sync

    sync.sync_closed_deals()


def case_single_deal_api_key_mode(credential):
    from crm.sync import get_client

    client = get_client()
    client.get_deal(1)
    client.update_deal(1, {"dealstage": "closedwon"})


def case_single_deal_oauth_mode(credential):
    from crm.sync import get_client

    client = get_client()
    client.get_deal(1)
    client.update_deal(1, {"dealstage": "closedwon"})
