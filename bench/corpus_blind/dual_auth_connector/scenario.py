"""A connector (2020) serving both private-key installs and OAuth installs: a
`requests.auth.AuthBase` subclass either sets the Bearer header or adds `hapikey` with
`r.prepare_url(r.url, {...})`, installed as `session.auth` (contacts v1 batch by vid and
list members paged on vid-offset, companies v2 recent and update); an older urllib
export script appends `&hapikey=` unless an OAuth token is set (forms v2, form
submissions v1); a timeline event-type setup uses the developer key in a module-level
params dict. One case runs in OAuth mode."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "98765",
}

CASE_ENV = {"case_oauth_install": {"HUBSPOT_OAUTH_TOKEN": "oauth-install7"}}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/vids/batch", "json": {"1": {"vid": 1}}},
    {"method": "GET", "url": r"/contacts/v1/lists/9/contacts/all.*vidOffset=",
     "json": {"contacts": [{"vid": 3}], "has-more": False, "vid-offset": 4}},
    {"method": "GET", "url": r"/contacts/v1/lists/9/contacts/all",
     "json": {"contacts": [{"vid": 1}, {"vid": 2}], "has-more": True, "vid-offset": 2}},
    {"method": "GET", "url": r"/companies/v2/companies/recent/modified",
     "json": {"results": [{"companyId": 21}]}},
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"guid": "f-1"}, {"guid": "f-2"}]},
    {"method": "GET", "url": r"/form-integrations/v1/submissions/forms/f-1",
     "json": {"results": [{"submittedAt": 1}, {"submittedAt": 2}]}},
    {"method": "GET", "url": r"/form-integrations/v1/submissions/forms/",
     "json": {"results": [{"submittedAt": 3}]}},
    {"method": "POST", "url": r"/timeline/event-types\?", "json": {"id": 314}},
]


def _sync():
    from hsconnector.client import Connector
    c = Connector()
    assert c.contacts_by_vid([1, 2]) == {"1": {"vid": 1}}
    assert c.list_members(9) == [1, 2, 3]
    for company in c.recent_companies():
        c.set_company_tier(company["companyId"], "gold")


def _export():
    import tempfile
    from hsconnector import export
    assert export.dump_all(tempfile.mkdtemp()) == 3


def case_key_install(credential):
    _sync()
    _export()


def case_oauth_install(credential):
    _sync()
    _export()


def case_caller_auth(credential):
    from hsconnector.auth import HubSpotAuth
    from hsconnector.client import Connector, make_session
    c = Connector(make_session(HubSpotAuth(api_key=credential("partner"))))
    c.recent_companies(count=5)


def case_timeline_setup(credential):
    from hsconnector import timeline_setup
    assert timeline_setup.create_event_type() == 314
