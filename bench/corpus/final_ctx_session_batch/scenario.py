"""A weekly backup job: a context manager puts the portal key on a shared
requests.Session's params for the HubSpot reads, then the same session uploads to an
S3-compatible bucket and pings a healthcheck once the context has exited."""

ENV = {"HUBSPOT_API_KEY": "key-main", "STORAGE_URL": "https://backups.nyc3.digitaloceanspaces.com/hubspot-dumps"}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=0",
     "json": {"companies": [{"companyId": 1}], "has-more": True, "offset": 1}},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=1",
     "json": {"companies": [{"companyId": 2}], "has-more": False, "offset": 2}},
    {"method": "GET", "url": r"/crm-pipelines/v1/pipelines/deals", "json": {"results": [{"pipelineId": "default"}]}},
]


def case_weekly_backup(credential):
    from jobs import backup
    backup.run()


def case_backup_for_client_portal(credential):
    from jobs import backup
    backup.run(api_key=credential("clientB"))


def case_manual_context(credential):
    from jobs.conn import hubspot_auth, upload
    with hubspot_auth() as s:
        s.get("https://api.hubapi.com/owners/v2/owners")
    upload("owners.json", "[]")
