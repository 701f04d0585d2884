"""A pandas-free CSV importer (2021): `importer/hubspot.py` keeps `AUTH = {KEYPARAM:
HUBSPOT_KEY}` at module level (key from `os.getenv` in `settings.py`) and hands it as
`query=` to a generic `send_json(method, url, payload, query)` in `importer/http.py`
(a `backoff`-decorated function over a shared `urllib3.PoolManager`), as `AUTH`,
`dict(AUTH, archived=...)` and `{**AUTH}`; contacts v1 batch, v3 batch create/read and
associations. The run posts a summary to a Slack webhook through the same `send_json`."""

import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_stubs"))

ENV = {"HUBSPOT_KEY": "key-main", "SLACK_HOOK": "https://hooks.slack.com/services/T9/B9/importhook77"}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202, "body": ""},
    {"method": "POST", "url": r"/crm/v3/objects/companies/batch/create", "status": 201, "json": {"results": [
        {"id": "c1", "properties": {"domain": "acme.io"}}, {"id": "c2", "properties": {"domain": "globex.com"}}]}},
    {"method": "POST", "url": r"/crm/v3/objects/contacts/batch/read", "json": {"results": [
        {"id": "1", "properties": {"email": "ann@acme.io"}}, {"id": "2", "properties": {"email": "bob@acme.io"}},
        {"id": "3", "properties": {"email": "cy@globex.com"}}]}},
    {"method": "POST", "url": r"/crm/v3/associations/contact/company/batch/create", "json": {"results": []}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_import_files(credential):
    from importer import run
    assert run.main("data/contacts.csv", "data/companies.csv") == 3


def case_single_batch(credential):
    from importer import hubspot
    assert hubspot.batch_upsert_contacts([{"email": "z@z.io", "firstname": "Z"}]) is None
