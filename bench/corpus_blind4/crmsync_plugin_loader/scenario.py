"""A CRM-to-CRM sync (~2018) with importlib plugin loading: crmsync.json names a source
and a target plugin and the environment variables holding their credentials;
plugins.load() imports crmsync.plugins.<name> and takes its Client class; the HubSpot
plugin builds its query with urlencode(dict(query, hapikey=self.api_key)) for
urllib.request (contacts v1 batch, companies v2 domain search); the Pipedrive plugin
sends its own token the same way as ?api_token= to another host and must not change.
pytest tests with a conftest fixture sit in src/tests."""

ENV = {"HUBSPOT_API_KEY": "key-main", "PIPEDRIVE_API_TOKEN": "pd-token-1"}

RESPONSES = [
    {"method": "GET", "url": r"pipedrive\.example/api/v1/persons.*start=2", "json": {"data": [
        {"email": [{"value": "c@x.io"}], "first_name": "C"}], "additional_data": {"pagination": {"more_items_in_collection": False}}}},
    {"method": "GET", "url": r"pipedrive\.example/api/v1/persons", "json": {"data": [
        {"email": [{"value": "a@x.io"}], "first_name": "A"}, {"email": [{"value": "b@x.io"}], "first_name": "B"}],
        "additional_data": {"pagination": {"more_items_in_collection": True, "next_start": 2}}}},
    {"method": "GET", "url": r"pipedrive\.example/api/v1/organizations", "json": {"data": [
        {"name": "Acme", "domain": "acme.io"}, {"name": "Initech", "domain": "initech.io"}, {"name": "Nodomain"}]}},
    {"method": "POST", "url": r"/companies/v2/domains/acme\.io/companies", "json": {"results": [{"companyId": 1}]}},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "POST", "url": r"/companies/v2/companies", "json": {"companyId": 2}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch", "status": 202, "body": ""},
]


def case_full_sync(credential):
    from crmsync import run

    assert run.run() == (3, [1, 2])


def case_unit_tests(credential):
    import os

    from tests import test_plugins

    test_plugins.test_load_hubspot_plugin()
    os.environ.setdefault("HUBSPOT_API_KEY", "unit-test-key")
    test_plugins.test_upsert_people_batches(None)
