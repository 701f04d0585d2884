"""A lead pusher (2018): YAML config picks the auth mode (`mode: oauth` with an access
token, or `mode: apikey` with a key), a `_auth(params, headers)` method fills either the
header or `params["hapikey"]` and every call goes through it (properties v1, forms v2);
form submissions to forms.hubspot.com historically carried the key too (they need
none); an internal CRM with its own `Token` header is the other host."""

ENV = {}
CASE_ENV = {"case_push_leads_oauth": {"FORMSYNC_CONFIG": "config_oauth.yml"}}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties",
        "json": [{"name": "email"}, {"name": "crm_lead_id"}],
    },
    {
        "method": "POST",
        "url": r"/properties/v1/contacts/properties",
        "json": {"name": "x"},
    },
    {
        "method": "GET",
        "url": r"/forms/v2/forms",
        "json": [{"guid": "2f1e0c6a-1111-4c8e-9d3e-aaaaaaaaaaaa"}],
    },
    {
        "method": "GET",
        "url": r"crm\.internal\.example/api/leads",
        "json": [
            {"id": 1, "email": "p@x.test", "wants_demo": True},
            {"id": 2, "email": "q@x.test"},
        ],
    },
    {"method": "POST", "url": r"forms\.hubspot\.com", "status": 204},
]


def case_push_leads_apikey(credential):
    import sync_leads

    assert sync_leads.main(["--check-forms"]) == 2


def case_push_leads_oauth(credential):
    import sync_leads

    assert sync_leads.main([]) == 2


def case_properties_only(credential):
    from formsync import settings
    from formsync.hubspot import HubSpot

    hub = HubSpot(settings.load("config.yml")["hubspot"])
    hub.create_property("another", "Another")
    hub.form_definitions()
