"""Internal sales "deal desk" scripts (~2019) on hubspot3: `dealdesk/hs.py` builds a
module-level `Hubspot3(api_key=settings.HUBSPOT_API_KEY)` plus sibling per-API clients
(`PipelineClient(api_key=...)`, `DealsClient(api_key=..., timeout=30)`) that forecast and
digest modules import; a stages module calls crm-pipelines and deals v1 with `requests`,
the key concatenated into a module-level URL constant or `%`-formatted into the URL, and a
stale-deal module posts tasks with the key in `params=`; `cli.py` dispatches commands. The
digest posts to a Slack webhook with `urllib.request.Request`/`urlopen`."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SALES_PIPELINE_ID": "default",
    "DEALDESK_SLACK_WEBHOOK": "https://hooks.slack.com/services/T03/B03/dealdesk",
}

RESPONSES = [
    # answers for the hubspot3 calls (the harness's SDK stand-ins look these up by chain)
    {"method": "SDK", "url": r"/hubspot3/DealsClient\.get_all",
     "json": [{"dealId": 31, "properties": {"amount": "1000", "dealstage": "qualifiedtobuy",
                                            "hs_lastmodifieddate": "1546300800000",
                                            "hubspot_owner_id": "77"}},
              {"dealId": 34, "properties": {"amount": "250", "dealstage": "closedwon",
                                            "hs_lastmodifieddate": "1567382400000"}}]},
    {"method": "SDK", "url": r"/hubspot3/PipelineClient\.get_all",
     "json": [{"pipelineId": "default", "label": "Sales"}]},
    {"method": "SDK", "url": r"/hubspot3/contacts\.get_all",
     "json": [{"vid": 1}, {"vid": 2}, {"vid": 3}]},
    {"method": "GET", "url": r"/crm-pipelines/v1/pipelines/deals",
     "json": {"results": [{"pipelineId": "default", "label": "Sales",
                           "stages": [{"stageId": "qualifiedtobuy", "metadata": {"probability": "0.4"}},
                                      {"stageId": "closedwon", "metadata": {"probability": "1.0"}}]}]}},
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 31}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 8001}}},
]


def case_monday_digest(credential):
    from dealdesk import digest
    text = digest.monday_digest()
    assert "Weighted forecast: 650" in text and "Sales" in text, text


def case_close_deal(credential):
    from dealdesk import digest
    digest.close_deal(31)
    digest.close_deal(32, won=False)


def case_stage_probabilities(credential):
    from dealdesk import stages
    assert stages.stage_probabilities("default")["closedwon"] == 1.0


def case_cli_nag(credential):
    from dealdesk import cli, stale
    cli.main(["nag"])
    import datetime
    stale.nag(now=datetime.datetime(2019, 9, 9, 9, 0),
              deals=[{"dealId": 35, "properties": {"hubspot_owner_id": "78"}},
                     {"dealId": 32, "properties": {}}])


def case_cli_close(credential):
    from dealdesk import cli
    cli.main(["close", "33", "--lost"])
