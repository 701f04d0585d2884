"""A nightly cron job with a requests.Session retry/backoff helper that adds the portal
key inside the helper (params dict, logged before sending), a paginated deals fetch, and
a Slack webhook posted through the same session."""

ENV = {"HUBSPOT_API_KEY": "key-main", "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T1/B2/abc"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "status": 429, "json": {"status": "error"}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified.*offset=0",
     "json": {"results": [{"dealId": 11, "properties": {"dealstage": {"value": "appointmentscheduled"}}}],
              "hasMore": True, "offset": 1}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified.*offset=1",
     "json": {"results": [{"dealId": 12, "properties": {"dealstage": {"value": "closedwon"}}}],
              "hasMore": False, "offset": 2}},
]


def case_nightly_run(credential):
    import nightly
    nightly.run(1500000000000)


def case_retry_on_429(credential):
    import hs_http
    hs_http.hs_get("/contacts/v1/lists/all/contacts/all", count=5)


def case_direct_post(credential):
    import hs_http
    hs_http.hs_post("/contacts/v1/contact/vid/42/profile",
                    {"properties": [{"property": "lifecyclestage", "value": "customer"}]})
    hs_http.notify_slack("done")
