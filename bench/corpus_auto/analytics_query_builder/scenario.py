"""Weekly analytics digest (2016-2019): `hsreports/urls.py` builds URLs at run time
around the key -- `"%s?hapikey=%s" % (url, key)` in a helper, `"?hapikey=" + key + "&" +
opts.lstrip("&")`, a dict comprehension of filters plus the key fed to `urlencode`, and a
list of pairs with repeated `property` parameters; `fetch.py` gets them with a
`get_json(url)` helper (form feeds between its sections) that also fetches an exchange rate from another host,
and a hard-coded fallback key (never used: the environment has one); the digest is posted to a Google Chat webhook (another host)."""

import datetime

ENV = {"HAPIKEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/analytics/v2/reports/totals/total", "json": {"totals": {"visits": 321}}},
    {"method": "GET", "url": r"/analytics/v2/reports/sources/total",
     "json": {"breakdowns": {"organic": 200, "direct": 121}}},
    {"method": "GET", "url": r"/analytics/v2/reports/pages/total",
     "json": {"breakdowns": [{"breakdown": "/pricing"}]}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"vid": 4}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},
    {"method": "POST", "url": r"chat\.googleapis\.com", "json": {}},
    {"method": "GET", "url": r"api\.exchangerate\.example\.org", "json": {"rates": {"EUR": 0.9}}},
]


def case_weekly(credential):
    from hsreports import weekly

    lines = weekly.run(datetime.date(2019, 3, 13))
    assert lines[0] == "Week 20190304-20190310: 321 visits", lines


def case_contact_and_owners(credential):
    from hsreports import fetch

    assert fetch.contact(4) == {"vid": 4}
    assert fetch.owners() == [{"ownerId": 1}]


def case_pages_without_limit(credential):
    from hsreports import fetch

    fetch.pages("20190101", "20190107")
