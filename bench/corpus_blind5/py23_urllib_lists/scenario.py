"""A Python 2/3 compatible list sync (2015, still run on 2.7 boxes): `try: from
urllib.request import ... except ImportError: from urllib2 import ...`, a `call()`
that builds `?hapikey=` with `urlencode` and sends `Request(url, data, headers)` with
`get_method` overridden; list members paged with vidOffset/has-more; newsletter
sign-ups go to the forms endpoint (no key) with the same default headers dict.
`scripts/legacy_export.py` is the Python 2.7-only ancestor (print >>, urllib2); it
cannot run here, only be migrated."""

ENV = {"HUBSPOT_API_KEY": "key-main", "LISTSYNC_LIST_ID": "42"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/42/contacts/all.*vidOffset=2",
        "json": {
            "contacts": [{"properties": {"email": {"value": "c@example.com"}}}],
            "has-more": False,
            "vid-offset": 3,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/42/contacts/all",
        "json": {
            "contacts": [
                {"properties": {"email": {"value": "a@example.com"}}},
                {"properties": {"email": {"value": "b@example.com"}}},
            ],
            "has-more": True,
            "vid-offset": 2,
        },
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/lists/42/add",
        "json": {"updated": [7, 8]},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/lists/42/remove",
        "json": {"updated": [1]},
    },
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204},
]


def case_sync(credential):
    from listsync import sync

    result = sync.sync(
        ["a@example.com", "d@example.com", "e@example.com"],
        ["b@example.com"],
        new_signups=["new@example.com"],
    )
    assert result == (2, 1), result


def case_members_only(credential):
    from listsync import lists

    assert lists.members(42) == ["a@example.com", "b@example.com", "c@example.com"]
