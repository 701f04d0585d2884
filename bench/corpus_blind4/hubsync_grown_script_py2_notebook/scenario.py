"""A 2016 single-file sync script (hubspot_sync.py, Python 2.7: urllib2, print >>,
except X, e) kept next to the Python 3 package it grew into: hubsync/api.py binds the key
in functools.partial(requests.get, params={"hapikey": HAPIKEY}), in a closure factory
make_getter(path, key=HAPIKEY) (a default argument) and in a paged deals loop; report.py
builds a getter with a client's own key handed in by the caller. A notebook
(explore.ipynb, written without a trailing newline) reads the key into KEY in one cell and
uses it in two later cells; a case runs the notebook's code cells in order, as
"Run all" does. The harness cannot run the Python 2 script; the other cases drive the
package."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=2", "json": {"deals": [
        {"properties": {"dealname": {"value": "A"}, "amount": {"value": "5"}}}], "hasMore": False, "offset": 3}},
    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {"deals": [
        {"properties": {"dealname": {"value": "A"}, "amount": {"value": "10"}}},
        {"properties": {"dealname": {"value": "B"}, "amount": {"value": "1.5"}}}], "hasMore": True, "offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"properties": {"email": {"value": "e@x.io"}}}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified", "json": {"results": [
        {"properties": {"hubspot_owner_id": {"value": "4"}}}, {"properties": {}}]}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 4}]},
    {"method": "GET", "url": r"/companies/v2/companies/123", "json": {"properties": {"name": "Acme"}}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties", "json": [{"name": "email"}, {"name": "city"}]},
]


def case_weekly_totals(credential):
    from hubsync import report

    assert report.deal_totals() == {"A": 15.0, "B": 1.5}
    assert report.property_names() == ["city", "email"]


def case_contact_csv(credential):
    from hubsync import report

    assert report.contact_csv([1, 2]).count("e@x.io") == 2
    report.contact_csv([3], client_key=credential("client"))


def case_objects(credential):
    from hubsync import api

    api.get_company(7)
    api.get_deal(8)


def case_notebook_run_all(credential):
    import json
    import os

    path = os.path.abspath("explore.ipynb")
    with open(path) as fh:
        nb = json.load(fh)
    namespace = {"__name__": "__main__"}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), path, "exec"), namespace)
    assert namespace["by_owner"] == {"4": 1, None: 1}, namespace["by_owner"]
