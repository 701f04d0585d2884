"""A Django-style sales dashboard (2021) that uses the SDKs: ``HubSpot(api_key=...)`` built
lazily and only when the setting exists (else a warning and ``None``), a private-app token
preferred when configured, ``hubspot.Client.create(api_key=...)`` for a per-client portal key
passed in by the caller, older ``hubspot3`` code (``Hubspot3(api_key=...)`` behind an
``is None`` guard, ``PipelineClient(api_key=...)``), and one hand-written owners call whose
``AuthBase`` subclass appends the key to ``r.url``. Settings are a dict read with
``os.getenv``."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_PORTAL_ID": "2456789"}

CASE_ENV = {"case_widgets_with_private_app_token": {"HUBSPOT_PRIVATE_APP_TOKEN": "oauth-privateapp"}}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 1, "firstName": "Dana", "lastName": "Reyes"}]},
]


def case_dashboard_widgets(credential):
    from integrations import hubspot_crm
    hubspot_crm.latest_contacts(limit=5)
    hubspot_crm.owners()


def case_widgets_with_private_app_token(credential):
    from integrations import hubspot_crm
    hubspot_crm.latest_contacts(limit=5)


def case_agency_client_portal(credential):
    from integrations import hubspot_crm
    hubspot_crm.contacts_for_portal(credential("agency_client"), limit=10)


def case_nightly_report(credential):
    from integrations import reports
    reports.nightly()


def case_contact_count_for_client(credential):
    from integrations import reports
    reports.contact_count(credential("agency_client"))
