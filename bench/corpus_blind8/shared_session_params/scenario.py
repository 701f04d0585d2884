"""A sync job (2020) whose ``crm/http.py`` builds one ``requests.Session()`` with
``session.params = {"hapikey": os.environ[...]}`` and default headers; other modules import
``session`` and send contacts v1 (recently_updated with vidOffset/timeOffset, batch with
``json=``) and v3 deals (batch read/update, ``paging.next.after``) through it. The same
session also posts a heartbeat to an internal status service, so the key (and after a
careless migration, the token) goes to that host too."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent.*vidOffset=",
     "json": {"contacts": [{"vid": 3, "properties": {}}], "has-more": False}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
     "json": {"contacts": [{"vid": 1, "properties": {"email": {"value": "a@x.io"}}},
                           {"vid": 2, "properties": {"email": {"value": "b@x.io"}}}],
              "has-more": True, "vid-offset": 2, "time-offset": 1600000000000}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202},
    {"method": "GET", "url": r"/crm/v3/objects/deals.*after=",
     "json": {"results": [{"id": "12", "properties": {"dealstage": "contractsent"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/deals",
     "json": {"results": [{"id": "11", "properties": {"dealstage": "contractsent"}},
                          {"id": "10", "properties": {"dealstage": "closedlost"}}],
              "paging": {"next": {"after": "11"}}}},
    {"method": "POST", "url": r"/crm/v3/objects/deals/batch/read",
     "json": {"results": [{"id": "11"}, {"id": "12"}]}},
    {"method": "POST", "url": r"/crm/v3/objects/deals/batch/update", "json": {"results": []}},
    {"method": "POST", "url": r"status\.internal", "json": {"ok": True}},
]


def case_nightly_sync(credential):
    import run_sync

    assert run_sync.main() == (2, 2)


def case_contacts_only(credential):
    from crm import contacts

    assert len(contacts.recently_updated(limit=1)) == 2
    assert contacts.batch_update([("z@x.io", {"lead_score": "3"})])
