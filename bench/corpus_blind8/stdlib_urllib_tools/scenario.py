"""Standard-library-only tools (2015-2018): ``urllib.request.urlopen`` on URLs built
with ``%`` from module templates holding ``?hapikey=%s`` (a contact template, and a
webhooks template filled with the developer key), a ``urlencode`` dict carrying the key,
and a POST ``Request``; an ``http.client`` connection class appending ``hapikey=`` to
each path (owners v2, forms v2) and a function formatting the path with ``%``. A Python
2.7-only export (``print`` statement, ``urllib2``) sits in ``legacy/`` and cannot run
here."""

ENV = {"HUBSPOT_HAPIKEY": "key-main", "HUBSPOT_DEV_KEY": "devkey-app"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"vid": 9}},
    {"method": "GET", "url": r"/contacts/v1/search/query", "json": {"contacts": [], "total": 0}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 3}}},
    {"method": "GET", "url": r"/webhooks/v1/77/subscriptions", "json": [{"id": 1}]},
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 1, "email": "b@x.io"}, {"ownerId": 2, "email": "a@x.io"}, {"ownerId": 3}]},
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"name": "Contact us", "guid": "g1"}, {"name": "Demo", "guid": "g2"}]},
    {"method": "GET", "url": r"/forms/v2/fields/g1", "json": [{"name": "email"}, {"name": "message"}]},
    {"method": "GET", "url": r"/forms/v2/fields/", "json": [{"name": "email"}]},
]


def case_urllib_contacts(credential):
    import hs_urllib

    assert hs_urllib.contact(9)["vid"] == 9
    hs_urllib.search("acme")
    hs_urllib.add_note(9, "called")


def case_urllib_webhooks_developer_key(credential):
    import os

    import hs_urllib

    assert hs_urllib.subscriptions(77, os.environ["HUBSPOT_DEV_KEY"]) == [{"id": 1}]


def case_http_client_forms(credential):
    import hs_httpclient

    assert hs_httpclient.form_report() == {"Contact us": 2, "Demo": 1}


def case_http_client_owners(credential):
    import hs_httpclient

    assert hs_httpclient.owner_emails() == ["a@x.io", "b@x.io"]
    c = hs_httpclient.Conn(key=credential("other"))
    c.owners()
    c.close()
