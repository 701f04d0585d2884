"""A weekly "HubSpot companies to Google Sheets" job (2019): an exporter class that keeps a
``requests.Session``, sets ``session.params`` with the portal key in ``connect()``, and later
*replaces* ``session.headers`` wholesale in another method; the key falls back to a literal
committed as a class attribute when the environment variable is missing. Rows go to an Apps
Script proxy through a second session whose headers are also assigned, not updated.
Companies are paged with ``offset``/``has-more``."""

ENV = {"HUBSPOT_KEY": "key-main", "SHEETS_PROXY_SECRET": "sheets-proxy-secret"}

HARDCODED = ["5f1c3e2a-8b4d-4e6f-9a7c-1d2e3f4a5b6c"]

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7, "email": "dana@example.com"}]},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=0(&|$)",
     "json": {"companies": [{"companyId": 1, "properties": {"name": {"value": "Acme"},
                                                            "hubspot_owner_id": {"value": "7"}}}],
              "has-more": True, "offset": 1}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 2, "properties": {"name": {"value": "Globex"}}}],
              "has-more": False, "offset": 2}},
    {"method": "POST", "url": r"script\.google\.com", "json": {"updatedRows": 3}},
]


def case_weekly_export(credential):
    import run_export
    run_export.main()


def case_export_for_other_portal(credential):
    import run_export
    run_export.main(api_key=credential("subsidiary"))


def case_exporter_with_builtin_key(credential):
    from hubspot_export import HubSpotExporter
    exporter = HubSpotExporter(page_size=50)
    exporter.companies()
