"""Sales-activity report script (~2020) on `urllib` only: a settings dict holds the key,
`hubreport/query.py` builds query strings at run time (`urlencode({**filters, KEY})`, a
dict-comprehension-cleaned options dict that gets the key added before `urlencode(sorted(...))`,
and plain concatenation with `options.lstrip("&")` for UI-supplied query strings), and the
owners/activity modules fetch those URLs through a `Request`+`urlopen` helper with custom
headers. Engagements are paged with `hasMore`/`offset`; the rate-limit pause is a module
constant."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 11, "firstName": "Ann", "lastName": "Ow"},
              {"ownerId": 12, "firstName": "Ben", "lastName": "Er"}]},
    {"method": "GET", "url": r"/engagements/v1/engagements/paged.*offset=4000",
     "json": {"results": [{"engagement": {"ownerId": 12, "type": "MEETING"}}],
              "hasMore": False, "offset": 4001}},
    {"method": "GET", "url": r"/engagements/v1/engagements/paged",
     "json": {"results": [{"engagement": {"ownerId": 11, "type": "CALL"}},
                          {"engagement": {"ownerId": 11, "type": "NOTE"}}],
              "hasMore": True, "offset": 4000}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/recent",
     "json": {"contacts": [{"vid": 1, "properties": {"hubspot_owner_id": {"value": "12"}}}],
              "has-more": False}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties",
     "json": [{"name": "email"}, {"name": "hubspot_owner_id"}]},
]


def case_owner_activity_report(credential):
    from hubreport import export, fetch
    fetch.RATE_LIMIT_PAUSE = 0
    out = export.owner_activity_csv(since_ms=1577836800000)
    assert "Ann Ow,1,0,0,0" in out, out


def case_property_list(credential):
    from hubreport import activity
    assert "email" in activity.contact_properties()


def case_recent_contacts_custom_query(credential):
    from hubreport import activity
    activity.recent_contacts("count=5&property=email&property=hubspot_owner_id")


def case_inactive_owners(credential):
    from hubreport import owners
    owners.owners(include_inactive=True)
