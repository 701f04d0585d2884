"""A 2016 single-file sync script grown into a small package: module constants in
`hsync/config.py` (with a legacy alias HAPIKEY = API_KEY), URLs built by `+` chains, `%`
and `str.format` with the key inline, a module-level `%` template with the key as first
argument, vidOffset and hasMore/offset pagination, and a CLI in `sync.py`."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all\?.*vidOffset=0",
        "json": {
            "contacts": [{"vid": 1, "properties": {"email": {"value": "a@x.io"}}}],
            "has-more": True,
            "vid-offset": 1,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [{"vid": 2, "properties": {}}],
            "has-more": False,
            "vid-offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/nobody@",
        "status": 404,
        "json": {"status": "error"},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/",
        "json": {"vid": 77, "properties": {}},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/vid/77/profile",
        "status": 204,
        "body": "",
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged\?.*offset=0",
        "json": {
            "deals": [{"dealId": 5, "properties": {"amount": {"value": "5000"}}}],
            "hasMore": True,
            "offset": 5,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/paged",
        "json": {
            "deals": [{"dealId": 6, "properties": {"amount": {"value": "10"}}}],
            "hasMore": False,
            "offset": 6,
        },
    },
    {"method": "POST", "url": r"/deals/v1/deal(?:\?|$)", "json": {"dealId": 900}},
]


def case_cli_main(credential):
    import io
    import sys

    import sync

    old = sys.stdout
    sys.stdout = io.StringIO()
    try:
        assert sync.main([]) == 0
    finally:
        sys.stdout = old


def case_dry_run_and_missing(credential):
    import sync
    from hsync import contacts

    assert sync.link_big_deals("sales@example.com", dry_run=True) == 1
    assert contacts.get_contact_by_email("nobody@example.com") is None


def case_create_deal(credential):
    from hsync import deals

    assert deals.create_deal("Acme renewal", 1200) == 900
