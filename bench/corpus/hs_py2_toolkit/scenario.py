"""Python-2-era helper scripts (2015-2016) that still parse as Python 3: ``from __future__
import print_function``, ``urllib2``/``urlencode`` imported inside ``try/except ImportError``,
``basestring`` and ``dict.iteritems`` guarded, and a ``build_url(path, **params)`` helper that
puts the portal key into the keyword dict before ``urlencode``. A form-submission helper posts
to the old ``forms.hubspot.com`` endpoint (no key) through the same imports, and a clone
script uses ``httplib``/``http.client`` with two portal keys (``SOURCE_HAPIKEY`` and
``DEST_HAPIKEY``) passed into one request function that appends them to the path."""

import contextlib
import io

ENV = {
    "HUBSPOT_HAPIKEY": "key-main",
    "SOURCE_HAPIKEY": "key-source",
    "DEST_HAPIKEY": "key-dest",
    "HUBSPOT_PORTAL_ID": "62515",
}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent.*vidOffset=",
     "json": {"contacts": [{"vid": 3, "properties": {"email": {"value": "c@x.com"}}}],
              "has-more": False, "vid-offset": 3, "time-offset": 1500000000003}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
     "json": {"contacts": [
         {"vid": 1, "properties": {"email": {"value": "ann@x.com"}, "firstname": {"value": "Ann"},
                                   "lastmodifieddate": {"value": "1500000000001"}}},
         {"vid": 2, "properties": {"firstname": {"value": "NoMail"}}}],
         "has-more": True, "vid-offset": 2, "time-offset": 1500000000002}},
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/add", "json": {"updated": [1, 2, 3], "discarded": []}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202, "json": {}},
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204, "body": ""},
]


def case_recent_contacts_and_add_to_list(credential):
    import recent_contacts
    with contextlib.redirect_stdout(io.StringIO()):
        recent_contacts.main(["recent_contacts.py", "881"])


def case_submit_legacy_form(credential):
    import submit_form
    submit_form.submit("0f3a9c4e-2b1d-4a7e-9d55-7c2e8b1f6a90",
                       {"email": "lead@example.com", "firstname": "Lee", "company": "Acme & Sons"},
                       hutk="8d2f6c0e3b1a4c9e", ip="203.0.113.9",
                       page_url="https://www.example.com/demo", page_name="Book a demo")


def case_clone_between_portals(credential):
    import clone_contacts
    with contextlib.redirect_stdout(io.StringIO()):
        clone_contacts.main(["clone_contacts.py", "5"])
