"""Weekly report job (2019): one `requests.Session` built by a cached factory, with a
`Retry` adapter `mount()`ed and `session.params.update({"hapikey": key})`, used by
three modules; the same session also POSTs the finished report to the internal
reporting service (before, the key leaked there as a query parameter; a token in the
session's headers would leak there too)."""

ENV = {"HUBSPOT_API_KEY": "key-main", "REPORTS_TOKEN": "rpt-local"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/crm-pipelines/v1/pipelines/deals",
        "json": {"results": [{"stages": [{"stageId": "s1", "label": "Won"}]}]},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/modified.*offset=0",
        "json": {
            "results": [{"dealId": 1, "properties": {"dealstage": {"value": "s1"}}}],
            "hasMore": True,
            "offset": 1,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/modified",
        "json": {
            "results": [{"dealId": 2, "properties": {"dealstage": {"value": "s9"}}}],
            "hasMore": False,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/engagements/v1/engagements/paged",
        "json": {
            "results": [
                {"engagement": {"type": "CALL"}},
                {"engagement": {"type": "CALL"}},
            ],
            "hasMore": False,
            "offset": 2,
        },
    },
    {
        "method": "POST",
        "url": r"reports\.internal\.example\.com",
        "status": 201,
        "text": "",
    },
]


def case_weekly(credential):
    from hsreports import weekly

    rows = weekly.run(1600000000000)
    assert rows[0] == {"deal": 1, "stage": "Won"}, rows
    assert rows[-1] == {"activity": {"CALL": 2}}, rows


def case_activity_only(credential):
    from hsreports import activity

    assert activity.engagement_counts() == {"CALL": 2}
