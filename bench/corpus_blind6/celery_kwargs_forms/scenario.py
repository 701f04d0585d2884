"""A Celery worker (2019) with a settings class (`Config.HUBSPOT_API_KEY`) and a helper
`hubspot_call(method, path, api_key=None, **kwargs)` merging `{**DEFAULTS, **kwargs}` and
`dict(params, KEYPARAM=...)`; tasks pass a portal key through (`portal_key`, a partner's
key queued with the lead) or nothing (the configured key), extra `**extra` options, and
their own headers. An internal API gets the worker's own token; the contact form is posted
to forms.hubspot.com with the key appended "just in case" (after migration a form
submission must carry neither key nor token)."""

import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_stubs"))

ENV = {"HUBSPOT_API_KEY": "key-main", "INTERNAL_API_TOKEN": "int-8c1d"}

RESPONSES = [
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204, "body": ""},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 321}},
    {"method": "PUT", "url": r"/contacts/v1/lists/42/add", "json": {"updated": [321]}},
    {"method": "POST", "url": r"internal\.example\.org/api/leads/", "json": {}},
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent", "json": {
        "contacts": [{"vid": 1}, {"vid": 2}]}},
]


def case_lead_with_configured_key(credential):
    from leads import tasks
    assert tasks.process_lead.delay({"id": "L1", "email": "a@x.com", "source": "webinar"}).get() == 321


def case_lead_for_partner_portal(credential):
    from leads import tasks
    lead = {"id": "L2", "email": "b@x.com", "source": "partner", "name": "Bea"}
    assert tasks.process_lead.apply_async(args=(lead,), kwargs={"portal_key": credential("partner")}).get() == 321


def case_refresh_scores_with_extra_options(credential):
    from leads import tasks
    assert tasks.refresh_lead_scores(since=5, timeout=3) == [1, 2]
