"""A pip-installable CLI (2020): argparse `--api-key` defaulting to
`os.environ.get("HUBSPOT_API_KEY")`, falling back to an `lru_cache`d getter; a frozen
`ExportConfig` dataclass handed to `DealsClient(config)`, whose tenacity-decorated
`_send(endpoint, params)` merges `{KEYPARAM: self.config.api_key, **params}` with
`NamedTuple` endpoints; the CSV goes to the BI tool's upload API with its own Bearer
token (another host that must keep its own token). Run with the environment key, and with
a key given on the command line (a caller's credential)."""

import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_stubs"))

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "BI_UPLOAD_URL": "https://bi.example.net/api/datasets/deals.csv",
    "BI_TOKEN": "bi-tok-1b9e",
}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=2", "json": {
        "deals": [{"dealId": 3, "properties": {"dealname": {"value": "C"}, "amount": {"value": "3"}}}],
        "hasMore": False, "offset": 3}},
    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {
        "deals": [{"dealId": 1, "properties": {"dealname": {"value": "A"}, "amount": {"value": "1"}}}],
        "hasMore": True, "offset": 2}},
    {"method": "GET", "url": r"/crm-associations/v1/associations/1/", "json": {"results": [10, 11]}},
    {"method": "GET", "url": r"/crm-associations/v1/associations/", "json": {"results": []}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/10/profile", "json": {
        "properties": {"email": {"value": "a@x.com"}}}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/11/profile", "status": 503, "json": {}},
    {"method": "PUT", "url": r"bi\.example\.net", "status": 204, "body": ""},
]


def case_export_with_env_key(credential):
    from dealexport import cli
    try:
        cli.main([])
    except Exception as exc:
        assert "503" in str(exc), exc
    else:
        raise AssertionError("the 503 should surface after the retries")


def case_export_with_cli_key(credential):
    from dealexport import cli, client
    client.DealsClient.contact_email = lambda self, vid: "x@y.z"
    text = cli.main(["--api-key", credential("customer"), "--page-size", "50"])
    assert text.count("x@y.z") == 2


def case_config_object_direct(credential):
    from dealexport.client import DealsClient
    from dealexport.config import ExportConfig
    c = DealsClient(ExportConfig(api_key=credential("agency")))
    assert c.contact_email(10) == "a@x.com"
