"""Closed Intercom conversations -> HubSpot tickets (associated with the contact)."""
from __future__ import annotations

import logging

import httpx

from ticketsync import config
from ticketsync.crm import HubSpotCRM, first_stage

log = logging.getLogger(__name__)


def closed_conversations(updated_since: int) -> list[dict]:
    r = httpx.post(
        f"{config.INTERCOM_API}/conversations/search",
        headers={"Authorization": f"Bearer {config.INTERCOM_TOKEN}", "Intercom-Version": "2.4"},
        json={"query": {"operator": "AND", "value": [
            {"field": "state", "operator": "=", "value": "closed"},
            {"field": "updated_at", "operator": ">", "value": updated_since},
        ]}},
        timeout=30.0,
    )
    r.raise_for_status()
    return r.json().get("conversations", [])


def run(updated_since: int) -> int:
    if not config.HUBSPOT_API_KEY:
        raise SystemExit("HUBSPOT_API_KEY not set")
    stage = first_stage(config.HUBSPOT_API_KEY, config.HUBSPOT_TICKET_PIPELINE)
    created = 0
    with HubSpotCRM(config.HUBSPOT_API_KEY) as crm:
        seen = crm.existing_conversation_ids()
        for conv in closed_conversations(updated_since):
            if conv["id"] in seen:
                continue
            email = (conv.get("source", {}).get("author") or {}).get("email")
            ticket_id = crm.create_ticket(
                subject=conv.get("title") or f"Intercom conversation {conv['id']}",
                content=conv.get("source", {}).get("body", ""),
                pipeline=config.HUBSPOT_TICKET_PIPELINE,
                stage=stage,
                source_id=conv["id"],
            )
            contact_id = crm.find_contact_id(email) if email else None
            if contact_id:
                crm.link_ticket_to_contact(ticket_id, contact_id)
            created += 1
    log.info("created %d tickets", created)
    return created
