"""A RevOps maintenance repo (2019-2021) on the hubspot3 SDK: `Hubspot3(api_key=...)`
instances cached per key and a `CompaniesClient(api_key=..., timeout=20)`, with the key from
`os.getenv("HUBSPOT_KEY", cfg.get("hubspot", "api_key", fallback=None))` (an INI file
beside); the associations API, which the SDK lacks, through raw requests with
`params={"hapikey": api_key or conf.API_KEY, ...}` and offset paging. An OAuth token from
HUBSPOT_OAUTH switches the SDK client to `access_token=`; a script takes another
portal's key as its argument."""

ENV = {"HUBSPOT_KEY": "key-main"}

CASE_ENV = {"case_deal_contacts_oauth": {"HUBSPOT_OAUTH": "oauth-revops"}}

RESPONSES = [
    {"method": "SDK", "url": r"/CompaniesClient\.get_all",
     "json": [{"id": 71, "domain": "acme.com"}, {"id": 72, "domain": ""}]},
    {"method": "SDK", "url": r"/hubspot3/contacts\.get_all",
     "json": [{"vid": 1, "email": "a@acme.com"}, {"vid": 2, "email": "b@acme.com", "associatedcompanyid": 71},
              {"vid": 3, "email": "c@none.org"}]},
    {"method": "SDK", "url": r"/hubspot3/deals\.get", "json": {"dealId": 900}},
    {"method": "SDK", "url": r"/hubspot3/contacts\.get_contact_by_id", "json": {"vid": 1}},
    {"method": "GET", "url": r"/crm-associations/v1/associations/900/HUBSPOT_DEFINED/3.*offset=5",
     "json": {"results": [6], "hasMore": False, "offset": 6}},
    {"method": "GET", "url": r"/crm-associations/v1/associations/900/HUBSPOT_DEFINED/3",
     "json": {"results": [1, 5], "hasMore": True, "offset": 5}},
    {"method": "GET", "url": r"/crm-associations/v1/associations/", "json": {"results": [], "hasMore": False}},
    {"method": "PUT", "url": r"/crm-associations/v1/associations", "status": 204},
]


def case_link_orphans_script(credential):
    from scripts import link_orphans
    assert link_orphans.main(["link_orphans.py"]) == 0


def case_link_orphans_other_portal(credential):
    from crm.sync import link_orphans
    assert link_orphans(credential("sister")) == 1


def case_deal_contacts(credential):
    from crm.sync import deal_contacts
    deal, contacts = deal_contacts(900)
    assert len(contacts) == 3


def case_deal_contacts_oauth(credential):
    from crm.sync import deal_contacts
    deal, contacts = deal_contacts(900)
    assert len(contacts) == 3
