"""Old cron box (2015-2019): a Python 2.7 script (`owners_report.py`: print statements,
`except X, e`, urllib2, a module URL constant ending in `?hapikey=` + key and a `%` URL)
next to a 2/3-compatible helper module (`hs_compat.py`: urllib2/urllib.request fallback
imports, `query['hapikey'] = HAPIKEY` then urlencode, a `%` URL with the key) used by a
Python 3 job. Only the Python 3 parts can run here."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
        "json": {
            "contacts": [
                {"vid": 4, "properties": {}},
                {"vid": 5, "properties": {"email": {"value": "e@x"}}},
            ]
        },
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "status": 204,
        "body": "",
    },
    {"method": "GET", "url": r"/owners/v2/owners/missing", "status": 404, "json": {}},
]


def case_stale_contacts(credential):
    import stale_contacts

    assert stale_contacts.flag(stale_contacts.stale_contacts(count=50)) == 1


def case_get_json_error(credential):
    import hs_compat

    assert hs_compat.get_json("/owners/v2/owners/missing") is None
