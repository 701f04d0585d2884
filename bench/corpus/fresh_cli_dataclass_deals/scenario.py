"""A small 2020-era CLI tool: argparse `--api-key` (default $HUBSPOT_API_KEY) flows into
a frozen dataclass config (built with dataclasses.replace), which a client class reads to
build URLs with urljoin + urlencode(query, doseq=True) where the key is added to the
query kwargs; a generator paginates deals with `yield from`."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged\?.*offset=0",
        "json": {
            "deals": [
                {"dealId": 1, "properties": {"dealstage": {"value": "appointmentscheduled"}, "closedate": {"value": "1000"}}},
                {"dealId": 2, "properties": {"dealstage": {"value": "closedwon"}, "closedate": {"value": "1000"}}},
            ],
            "hasMore": True,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged\?.*offset=2",
        "json": {
            "deals": [
                {"dealId": 3, "properties": {"dealstage": {"value": "appointmentscheduled"}, "closedate": {"value": "1500"}}}
            ],
            "hasMore": False,
            "offset": 3,
        },
    },
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 1}},
    {"method": "GET", "url": r"/crm-associations/", "json": {"results": [501, 502]}},
]

NOW = ["--now", str(200 * 24 * 3600 * 1000)]


def case_cli_env_key(credential):
    from dealsync import cli

    assert cli.main(NOW) == 0


def case_cli_flag_key(credential):
    from dealsync import cli

    assert cli.main(["--api-key", credential("ops"), "--older-than", "30"] + NOW) == 0


def case_cli_dry_run(credential):
    from dealsync import cli

    cli.main(["--dry-run", "-v"] + NOW)


def case_library_use(credential):
    from dealsync.client import DealsClient
    from dealsync.config import HubSpotConfig

    client = DealsClient(HubSpotConfig(api_key=credential("agency"), page_size=10))
    client.associated_contacts(1)
