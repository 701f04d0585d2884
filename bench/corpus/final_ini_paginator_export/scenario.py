"""A CSV export script whose key comes from settings.ini through configparser (with an
env-var placeholder), a paginator class with __iter__ building its query with
dict(base_params, **extra), and an owners lookup built the same way."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all\?(?!.*vidOffset)",
     "json": {"contacts": [{"vid": 1, "properties": {"email": {"value": "a@x.io"}}},
                           {"vid": 2, "properties": {"email": {"value": "b@x.io"}}}],
              "has-more": True, "vid-offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all\?.*vidOffset=2",
     "json": {"contacts": [{"vid": 3, "properties": {}}], "has-more": False, "vid-offset": 3}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7, "email": "o@x.io"}]},
]


def case_export(credential):
    import hsexport
    n, _ = hsexport.export()
    assert n == 3, n


def case_owners(credential):
    import hsexport
    hsexport.owners()


def case_paginator_with_caller_key(credential):
    import hsexport
    pages = hsexport.ContactPages(credential("agency"), ["email"], page_size=2)
    list(pages)
