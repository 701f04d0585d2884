"""2015-era scripts sharing ``hs_api.py``: settings from a JSON file naming the
environment variable that holds the key; a class attribute ``params = {"hapikey":
HAPIKEY}`` sent by several methods (one copies it per page for vidOffset paging); a
closure factory ``make_fetcher(key=HAPIKEY)`` whose ``fetch(path, **extra)`` adds the key
only ``if "hapikey" not in extra``; functions with the key as a default argument
(``api_key=HAPIKEY``) concatenated or ``%``-formatted into URLs; ``with_retry(fn,
*args)`` passing a sister company's key through ``*args``."""

ENV = {"HAPIKEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/14/contacts/all.*vidOffset=",
     "json": {"contacts": [{"vid": 3, "properties": {"churn_date": {"value": "2015-06-01"}}}], "has-more": False}},
    {"method": "GET", "url": r"/contacts/v1/lists/14/contacts/all",
     "json": {"contacts": [{"vid": 1, "properties": {"churn_date": {"value": "2015-05-01"}}},
                           {"vid": 2, "properties": {}}], "has-more": True, "vid-offset": 2}},
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/(add|remove)", "json": {"updated": [1, 3]}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"properties": {"dealstage": {"value": "closedwon"}}}, {"properties": {}}]}},
    {"method": "GET", "url": r"/deals/v1/pipelines", "json": [{"pipelineId": "default"}]},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}, {"ownerId": 2}]},
]


def case_churn_lists(credential):
    import churn_lists

    assert churn_lists.main() == [1, 3]


def case_deal_report_ours(credential):
    import deal_report

    assert deal_report.main() == {"ours": {"closedwon": 1, "none": 1}, "pipelines": 1, "owners": 2}


def case_deal_report_with_sister(credential):
    import deal_report

    report = deal_report.main(credential("sister"))
    assert report["sister"] == {"closedwon": 1, "none": 1}
    assert report["sister_owners"] == 2
