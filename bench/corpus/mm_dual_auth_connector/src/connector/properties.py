from __future__ import annotations

import logging
from typing import Dict, List

from connector.client import HubSpotClient

logger = logging.getLogger(__name__)

SHIFTLY_PROPERTIES: List[Dict[str, str]] = [
    {"name": "shiftly_last_shift", "label": "Last shift", "type": "datetime", "fieldType": "date"},
    {"name": "shiftly_hours_30d", "label": "Hours (30 days)", "type": "number", "fieldType": "number"},
    {"name": "shiftly_location", "label": "Shiftly location", "type": "string", "fieldType": "text"},
]


def ensure_group(client: HubSpotClient, group: str) -> None:
    groups = client.get("/properties/v1/contacts/groups")
    if any(g.get("name") == group for g in groups or []):
        return
    client.post("/properties/v1/contacts/groups", {"name": group, "displayName": "Shiftly"})


def ensure_properties(client: HubSpotClient, group: str = "shiftly") -> List[str]:
    ensure_group(client, group)
    existing = {p["name"] for p in client.get("/properties/v1/contacts/properties") or []}
    created = []
    for prop in SHIFTLY_PROPERTIES:
        if prop["name"] in existing:
            continue
        client.post("/properties/v1/contacts/properties", dict(prop, groupName=group))
        created.append(prop["name"])
    logger.info("created %d properties", len(created))
    return created
