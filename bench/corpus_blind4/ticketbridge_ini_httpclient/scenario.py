"""A Zendesk-to-HubSpot bridge (~2018) on http.client: settings.ini names the environment
variables that hold the secrets (read at each use through Config properties); one
Transport class sends to both services: the module-level `hubspot` instance adds
query["hapikey"] = key or CONFIG.hubspot_key, the `zendesk` instance (send_key=False) has
a Basic auth header; tickets.py and timeline.py import the instances; timeline event types
pass the developer key through key=. A migration that makes Transport.send add the HubSpot
token sends it to Zendesk, or replaces the developer key."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEVELOPER_KEY": "devkey-app", "ZENDESK_TOKEN": "zd-secret"}

RESPONSES = [
    {"method": "GET", "url": r"zendesk\.example/api/v2/search\.json", "json": {"results": [
        {"id": 1, "subject": "Login broken", "via": {"source": {"from": {"address": "u@x.io"}}}},
        {"id": 2, "subject": "Phone", "via": {"source": {}}}]}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/u@x\.io/profile", "json": {"vid": 31}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 5}}},
    {"method": "GET", "url": r"/timeline/event-types", "json": [{"name": "Other"}]},
]


def case_copy_tickets(credential):
    from ticketbridge import tickets

    out = tickets.run()
    assert out[1] is None and out[0]["engagement"]["id"] == 5, out


def case_timeline_event_type(credential):
    from ticketbridge import timeline

    assert timeline.ensure_event_type() is True
