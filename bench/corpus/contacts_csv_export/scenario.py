"""A marketing-ops export script from around 2017: one module, module-level config read from
os.environ, every URL built by string formatting with the portal key in the middle of the
query (``%`` formatting with several pieces, positional ``.format``, keyword ``.format`` with
the key last, and plain ``+`` concatenation followed by another parameter). Paginates the v1
contact list with ``vidOffset``/``has-more`` and associated deals with ``offset``/``hasMore``,
and sleeps between calls through a module constant."""

import contextlib
import io
import os

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=0\b",
        "json": {
            "contacts": [
                {
                    "vid": 101,
                    "properties": {
                        "email": {"value": "ann@example.com"},
                        "firstname": {"value": "Ann"},
                        "hubspot_owner_id": {"value": "7"},
                    },
                },
                {"vid": 102, "properties": {"email": {"value": "bob@example.com"}}},
            ],
            "has-more": True,
            "vid-offset": 102,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [
                {"vid": 103, "properties": {"email": {"value": "cy@example.com"}}}
            ],
            "has-more": False,
            "vid-offset": 103,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/associated/contact/101/paged.*offset=0\b",
        "json": {"deals": [{"dealId": 1}], "hasMore": True, "offset": 1},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/associated/contact/\d+/paged",
        "json": {"deals": [{"dealId": 2}], "hasMore": False, "offset": 2},
    },
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [{"ownerId": 7, "email": "rep@example.com"}],
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/404/profile",
        "status": 404,
        "json": {"status": "error"},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "json": {"vid": 101, "properties": {"email": {"value": "ann@example.com"}}},
    },
]


def _quiet(mod):
    mod.PAUSE = 0


def case_export_to_file(credential):
    import export_contacts

    _quiet(export_contacts)
    export_contacts.main(["export_contacts.py", os.devnull])


def case_export_to_stdout(credential):
    import export_contacts

    _quiet(export_contacts)
    with contextlib.redirect_stdout(io.StringIO()):
        export_contacts.main(["export_contacts.py"])


def case_single_profile(credential):
    import export_contacts

    export_contacts.get_contact_profile(101)
    export_contacts.get_contact_profile(404)
