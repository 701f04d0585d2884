"""A daily sales digest (~2020): RetrySession(requests.Session) overrides request() with
back-off; HubSpotSession(RetrySession) adds either an OAuth Bearer header (OAuth installs)
or params hapikey merged with dict(params, hapikey=...) in its own request() override
(**kwargs pass-through); owners and reports modules receive the session as an argument;
slack.py posts through a plain module-level RetrySession to a Slack webhook URL from the
environment: a migration that adds the header in RetrySession sends the token to Slack."""

ENV = {"HUBSPOT_API_KEY": "key-main", "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T0/B0/xyz"}
CASE_ENV = {"case_digest_oauth_install": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"}}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1, "firstName": "Ann", "lastName": "Lee"}]},
    {"method": "GET", "url": r"/deals/v1/deal/recent/created.*offset=2", "json": {"results": [
        {"properties": {"dealname": {"value": "Gamma"}}}], "hasMore": False}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/created", "json": {"results": [
        {"properties": {"dealname": {"value": "Alpha"}, "hubspot_owner_id": {"value": "1"}}},
        {"properties": {"dealname": {"value": "Beta"}, "hubspot_owner_id": {"value": "1"}}}], "hasMore": True, "offset": 2}},
    {"method": "GET", "url": r"/engagements/v1/engagements/recent/modified", "json": {"results": [
        {"engagement": {"type": "CALL"}}, {"engagement": {"type": "NOTE"}}]}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_digest_api_key(credential):
    from salesdigest import main

    assert main.run(1600000000000) == 200


def case_digest_oauth_install(credential):
    from salesdigest import main

    assert main.run(1600000000000) == 200


def case_reports_with_passed_session(credential):
    from salesdigest import reports
    from salesdigest.sessions import HubSpotSession

    s = HubSpotSession(api_key=credential("agency"))
    assert len(reports.recent_calls(s)) == 1
