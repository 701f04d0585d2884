"""Slack slash command /ticket -> HubSpot ticket, with the requester's contact."""
import logging

import httpx

from ticketbot import hub

log = logging.getLogger("ticketbot")
SLACK_API = "https://slack.com/api/chat.postMessage"


def contact_vid(email):
    try:
        return hub.get("/contacts/v1/contact/email/%s/profile" % email,
                       property="email", propertyMode="value_only")["vid"]
    except httpx.HTTPStatusError as err:
        if err.response.status_code == 404:
            return None
        raise


def ticket_owner(ticket_id):
    resp = httpx.get(
        f"https://api.hubapi.com/crm-objects/v1/objects/tickets/{ticket_id}"
        f"?hapikey={hub.HUBSPOT_API_KEY}&properties=hubspot_owner_id",
        timeout=10.0,
    )
    resp.raise_for_status()
    return resp.json().get("properties", {}).get("hubspot_owner_id", {}).get("value")


def open_ticket(email, text, channel, slack_token):
    ticket = hub.post("/crm/v3/objects/tickets", {"properties": {
        "subject": text[:80], "content": text,
        "hs_pipeline": "0", "hs_pipeline_stage": "1"}})
    vid = contact_vid(email)
    if vid:
        hub.hub.put("/crm/v3/objects/tickets/%s/associations/contact/%s/ticket_to_contact"
                    % (ticket["id"], vid))
    httpx.post(SLACK_API, headers={"Authorization": "Bearer " + slack_token},
               json={"channel": channel, "text": "Ticket %s opened" % ticket["id"]})
    return ticket["id"]
