"""A weekly sales report script (2016-2019) built on URL templates: a `.format(**cfg)`
template with `hapikey={hapikey}` in it, `string.Template` URLs (`substitute`,
`safe_substitute`) for owners and pipelines, and `urlencode({...}, doseq=True)` for a
batch read with repeated `vid`/`property` parameters; a `get_json(url)` on urllib logs
every URL. A second portal's report is built with `dict(CFG, hapikey=other_key)`. The
report goes out through Mailgun (HTTP basic auth)."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "99120",
    "MAILGUN_API_KEY": "mg-key-3391",
    "MAILGUN_DOMAIN": "mg.example.com",
}

RESPONSES = [
    {"method": "GET", "url": r"/crm-pipelines/v1/pipelines/deals",
     "json": {"results": [{"stages": [{"stageId": "a", "label": "A"}, {"stageId": "b", "label": "B"}]}]}},
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=12&",
     "json": {"deals": [{"properties": {"hubspot_owner_id": {"value": "5"}, "amount": {"value": "50"}},
                         "associations": {"associatedVids": [3]}}],
              "hasMore": False, "offset": 13}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"properties": {"hubspot_owner_id": {"value": "5"}, "amount": {"value": "100"}},
                         "associations": {"associatedVids": [1, 2]}},
                        {"properties": {"hubspot_owner_id": {"value": "6"}, "amount": {"value": "7.5"}},
                         "associations": {"associatedVids": []}}],
              "hasMore": True, "offset": 12}},
    {"method": "GET", "url": r"/owners/v2/owners/5", "json": {"firstName": "Kim", "lastName": "Lo"}},
    {"method": "GET", "url": r"/owners/v2/owners/6", "json": {"firstName": "Al", "lastName": "Ba"}},
    {"method": "GET", "url": r"/contacts/v1/contact/vids/batch/",
     "json": {"1": {"vid": 1}, "2": {"vid": 2}, "3": {"vid": 3}}},
    {"method": "POST", "url": r"api\.mailgun\.net", "json": {"id": "<msg@mg>", "message": "Queued"}},
]


def case_weekly_dry_run(credential):
    import weekly
    assert weekly.main(["--dry-run"]) == 0


def case_weekly_send(credential):
    import weekly
    assert weekly.main([]) == 0


def case_partner_portal_report(credential):
    from salesreport import report
    assert report.run_for_portal(credential("partner"), "Partner report") == "<msg@mg>"
