"""Connector with two auth modes (2019): a `Credentials` object holds an OAuth token
(installed app) or a legacy portal key; `HubSpotConnector._auth` puts the token in an
Authorization header in one branch and `params["hapikey"]` in the other; an ERP sync
(another host, its own Authorization header) creates missing companies. `api.py`
ends with whitespace after its last newline."""

ENV = {"HUBSPOT_API_KEY": "key-main"}
CASE_ENV = {"case_oauth_mode": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"}}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=0",
     "json": {"companies": [{"properties": {"name": {"value": "Acme"}}}],
              "has-more": True, "offset": 250}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"properties": {}}], "has-more": False, "offset": 251}},
    {"method": "POST", "url": r"/companies/v2/companies", "json": {"companyId": 77}},
    {"method": "GET", "url": r"erp\.example\.com",
     "json": [{"name": "Acme", "domain": "acme.com"}, {"name": "Initech", "domain": "initech.com"}]},
]


def case_key_mode(credential):
    from connector import erp_sync

    assert erp_sync.sync_customers() == [77]


def case_oauth_mode(credential):
    from connector import erp_sync

    assert erp_sync.sync_customers() == [77]


def case_explicit_key(credential):
    from connector.api import HubSpotConnector
    from connector.auth import Credentials

    HubSpotConnector(Credentials(api_key=credential("tenant"))).companies()
