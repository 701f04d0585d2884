from __future__ import annotations

import logging
from typing import Any

import httpx

log = logging.getLogger(__name__)

HUBSPOT_API = "https://api.hubapi.com"


class HubSpotCRM:
    """CRM v3 calls we need for tickets. Use as a context manager."""

    def __init__(self, api_key: str, timeout: float = 20.0) -> None:
        self.client = httpx.Client(
            base_url=HUBSPOT_API,
            params={"hapikey": api_key},
            headers={"Accept": "application/json"},
            timeout=timeout,
        )

    def __enter__(self) -> "HubSpotCRM":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.client.close()

    def find_contact_id(self, email: str) -> str | None:
        body = {
            "filterGroups": [{"filters": [{"propertyName": "email", "operator": "EQ", "value": email}]}],
            "properties": ["email"],
            "limit": 1,
        }
        r = self.client.post("/crm/v3/objects/contacts/search", json=body)
        r.raise_for_status()
        results = r.json().get("results", [])
        return results[0]["id"] if results else None

    def create_ticket(self, subject: str, content: str, pipeline: str, stage: str, source_id: str) -> str:
        r = self.client.post("/crm/v3/objects/tickets", json={"properties": {
            "subject": subject,
            "content": content,
            "hs_pipeline": pipeline,
            "hs_pipeline_stage": stage,
            "source_type": "CHAT",
            "intercom_conversation_id": source_id,
        }})
        r.raise_for_status()
        return r.json()["id"]

    def link_ticket_to_contact(self, ticket_id: str, contact_id: str) -> None:
        r = self.client.put(
            f"/crm/v3/objects/tickets/{ticket_id}/associations/contact/{contact_id}/ticket_to_contact")
        r.raise_for_status()

    def existing_conversation_ids(self, limit: int = 100) -> set[str]:
        r = self.client.get("/crm/v3/objects/tickets",
                            params={"limit": limit, "properties": "intercom_conversation_id"})
        r.raise_for_status()
        return {t["properties"].get("intercom_conversation_id") for t in r.json().get("results", [])}


def first_stage(api_key: str, pipeline_id: str) -> str:
    r = httpx.get(f"{HUBSPOT_API}/crm/v3/pipelines/tickets/{pipeline_id}?hapikey={api_key}", timeout=10.0)
    r.raise_for_status()
    stages = sorted(r.json()["stages"], key=lambda s: s["displayOrder"])
    return stages[0]["id"]
