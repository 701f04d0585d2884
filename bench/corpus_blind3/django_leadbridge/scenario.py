"""Django app (2018-ish): `settings.HUBSPOT_API_KEY = os.environ[...]` read through a
`leadbridge.conf.settings` stand-in at call time in a service module; a `_params(**extra)`
helper builds the params dict; companies v2 with has-more/offset paging, contacts v1
createOrUpdate, a forms v2 submission without key; a management command and a view."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_PORTAL_ID": "62515"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged\?(?!.*offset=)",
        "json": {
            "companies": [
                {"companyId": 11, "properties": {"domain": {"value": "partner.io"}}},
                {"companyId": 12, "properties": {"domain": {"value": "other.com"}}},
            ],
            "has-more": True,
            "offset": 12,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [
                {"companyId": 13, "properties": {"domain": {"value": "example.org"}}}
            ],
            "has-more": False,
            "offset": 13,
        },
    },
    {"method": "PUT", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 1}},
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 321, "isNew": True},
    },
    {"method": "POST", "url": r"forms\.hubspot\.com", "status": 204, "body": ""},
]


def case_manage_sync_companies(credential):
    import manage

    assert manage.main(["manage.py", "sync_companies"]) == 0


def case_manage_dry_run(credential):
    import manage

    assert manage.main(["manage.py", "sync_companies", "--dry-run"]) == 0


def case_contact_us_view(credential):
    from leadbridge import views

    result = views.contact_us(
        {
            "method": "POST",
            "path": "/contact/",
            "POST": {"email": " Ann@Example.com", "first_name": "Ann", "message": "hi"},
            "COOKIES": {"hubspotutk": "abc123"},
        }
    )
    assert result == {"status": 200, "vid": 321}, result
