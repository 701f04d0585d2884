"""Slack ticket bot on httpx (2021): a module-level `httpx.Client(base_url=...,
params={"hapikey": KEY})` in `hub.py` with get/post helpers, used from `bot.py` (also
directly as `hub.hub.put(...)`); Slack is called with its own Bearer token (another host).
A ticket-owner lookup builds an f-string URL with `hub.HUBSPOT_API_KEY` and calls
`httpx.get` directly."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "POST", "url": r"/crm/v3/objects/tickets", "json": {"id": "4001"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/ghost@", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 12}},
    {"method": "PUT", "url": r"/associations/contact/", "json": {}},
    {"method": "GET", "url": r"/crm-objects/v1/objects/tickets/4001",
     "json": {"properties": {"hubspot_owner_id": {"value": "31"}}}},
    {"method": "POST", "url": r"slack\.com/api/chat\.postMessage", "json": {"ok": True}},
]


def case_ticket_known_contact(credential):
    from ticketbot import bot

    assert bot.open_ticket("ann@example.com", "VPN down", "C1", "xoxb-slack-1") == "4001"


def case_ticket_unknown_contact(credential):
    from ticketbot import bot

    assert bot.open_ticket("ghost@example.com", "Printer", "C1", "xoxb-slack-1") == "4001"


def case_ticket_owner(credential):
    from ticketbot import bot

    assert bot.ticket_owner("4001") == "31"
