"""Weekly report job (2020-ish): `config.yaml` holds `api_key: ${HUBSPOT_API_KEY}`
expanded from the environment; a `RetryingSession(requests.Session)` subclass overrides
`request` to prefix a base URL and retry 429/5xx with back-off; a factory sets
`session.params = {"hapikey": ...}` and returns it to another module that pages CRM v3
objects (`paging.next.after`), engagements v1 and pipelines v1."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/crm-pipelines/v1/pipelines/tickets",
        "status": 429,
        "json": {"status": "error"},
    },
    {
        "method": "GET",
        "url": r"/crm-pipelines/v1/pipelines/deals",
        "json": {"results": [{"stages": [{"stageId": "s1", "label": "Won"}]}]},
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/deals\?(?!.*after=)",
        "json": {
            "results": [{"properties": {"dealstage": "s1"}}],
            "paging": {"next": {"after": "2"}},
        },
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/deals",
        "json": {"results": [{"properties": {"dealstage": "s9"}}]},
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/contacts",
        "json": {"results": [{}, {}, {}]},
    },
    {
        "method": "GET",
        "url": r"/engagements/v1/engagements/recent/modified",
        "json": {
            "results": [
                {"engagement": {"type": "CALL"}},
                {"engagement": {"type": "NOTE"}},
            ]
        },
    },
]


def case_weekly(credential):
    import weekly_report

    text = weekly_report.build()
    assert "contacts: 3" in text and "- Won: 1" in text, text


def case_retry_on_429(credential):
    from hsreports.collect import pipeline_stages
    from hsreports.config import load_config
    from hsreports.session import hubspot_session

    s = hubspot_session(load_config())
    # tickets pipelines always answer 429: one request and three retries
    resp = s.get("/crm-pipelines/v1/pipelines/tickets")
    assert resp.status_code == 429
    assert pipeline_stages(s) == {"s1": "Won"}
