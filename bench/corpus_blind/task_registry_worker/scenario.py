"""A queue worker (2018) with a plain function registry (`@task("name")`, `run(name)`)
instead of Celery. HubSpot goes through `RetryingSession(requests.Session)`, a subclass
whose `__init__` sets `self.params["hapikey"]` and whose `request()` prefixes relative
paths and waits out 429s; a module-level lazy singleton `hubspot()` is used by tasks in
two modules (deals v1 update and pipelines, workflows v2 enrollment, contact delete); one
task builds a session from a customer portal's key passed by the caller. Stripe refunds
(basic auth) and Slack notifications are noise."""

ENV = {
    "HS_API_KEY": "key-main",
    "STRIPE_SECRET_KEY": "sk_test_51Hx",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T0/B0/zzz",
}

RESPONSES = [
    {"method": "PUT", "url": r"/deals/v1/deal/500", "status": 502, "json": {}},
    {"method": "GET", "url": r"/deals/v1/pipelines/default",
     "json": {"stages": [{"stageId": "appointmentscheduled"}, {"stageId": "closedwon"}]}},
    {"method": "POST", "url": r"/automation/v2/workflows/", "status": 204},
    {"method": "DELETE", "url": r"/contacts/v1/contact/vid/", "json": {"vid": 3, "deleted": True}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
     "json": {"contacts": [{"vid": 1}, {"vid": 2}]}},
    {"method": "POST", "url": r"api\.stripe\.com/v1/refunds", "json": {"id": "re_1"}},
]


def case_queue(credential):
    from worker import billing_tasks, hubspot_tasks  # noqa: F401  (register)
    from worker.registry import consume
    out = consume([
        {"task": "hubspot.set_deal_stage", "args": [12, "closedwon"]},
        {"task": "hubspot.pipeline_stages"},
        {"task": "hubspot.enroll", "args": [88, "a@x.com"]},
        {"task": "hubspot.gdpr_delete", "kwargs": {"vid": 3}},
        {"task": "billing.refund", "args": ["ch_1"], "kwargs": {"deal_id": 12}},
    ])
    assert out == ["closedwon", ["appointmentscheduled", "closedwon"], True, True, "re_1"], out


def case_retry_exhausted(credential):
    from worker import hubspot_tasks  # noqa: F401
    from worker.registry import Retry, run
    try:
        run("hubspot.set_deal_stage", 500, "closedlost")
    except Retry:
        return
    raise AssertionError("expected Retry")


def case_backfill_customer(credential):
    from worker import hubspot_tasks  # noqa: F401
    from worker.registry import run
    assert run("hubspot.backfill_portal", credential("cust42"), 1577836800000) == 2
