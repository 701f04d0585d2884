"""A Zendesk -> HubSpot bridge (2021) with a dataclass settings object read from
``os.environ``: one ``hs_call(method, path, params=None, headers=None, **kwargs)`` that builds
the URL with ``urlencode(query, doseq=True)`` after adding the portal key to a copy of the
caller's params, passes ``headers`` straight through to ``requests.request`` (``None`` for
most callers, a dict for one), and retries with ``for attempt in range(3)``; the sync is
guarded on the key being non-empty. Zendesk is called with HTTP basic auth (its own token)."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "ZENDESK_SUBDOMAIN": "acmehelp",
    "ZENDESK_TOKEN": "zd-token-123",
}

RESPONSES = [
    {"method": "GET", "url": r"acmehelp\.zendesk\.com/api/v2/incremental/tickets\.json",
     "json": {"tickets": [
         {"id": 501, "status": "solved", "subject": "Login broken", "requester_id": 9, "created_ms": 1600000000000},
         {"id": 502, "status": "open", "subject": "Still waiting", "requester_id": 9},
         {"id": 503, "status": "solved", "subject": "Invoice copy", "requester_id": 10}]}},
    {"method": "GET", "url": r"acmehelp\.zendesk\.com/api/v2/users/9\.json",
     "json": {"user": {"email": "known@example.com", "name": "Kay Known"}}},
    {"method": "GET", "url": r"acmehelp\.zendesk\.com/api/v2/users/",
     "json": {"user": {"email": "new@example.com", "name": "Nia New"}}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/known@example\.com/profile",
     "json": {"vid": 70, "properties": {"hubspot_owner_id": {"value": "31"}}}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/known%40example\.com/profile",
     "json": {"vid": 70, "properties": {"hubspot_owner_id": {"value": "31"}}}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "status": 404, "json": {"status": "error"}},
    {"method": "POST", "url": r"/contacts/v1/contact(\?|$)", "json": {"vid": 71, "properties": {}}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
]


def case_sync_solved_tickets(credential):
    from bridge import run, settings
    settings.settings.retry_delay = 0
    run.sync(start_time=1600000000)


def case_lookup_only(credential):
    from bridge import hs
    hs.contact_by_email("known@example.com")
