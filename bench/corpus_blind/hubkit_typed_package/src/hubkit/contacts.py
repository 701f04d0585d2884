"""Contacts (v1): batch upserts and owners lookup."""
from typing import Dict, Iterable, List

from hubkit.client import HubSpotAPI

BATCH_SIZE = 100


def _chunks(items: List[Dict[str, str]], size: int) -> Iterable[List[Dict[str, str]]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def upsert_contacts(api: HubSpotAPI, rows: List[Dict[str, str]]) -> int:
    sent = 0
    for chunk in _chunks(rows, BATCH_SIZE):
        payload = [
            {
                "email": row["email"],
                "properties": [
                    {"property": k, "value": v} for k, v in row.items() if k != "email"
                ],
            }
            for row in chunk
        ]
        api.post("/contacts/v1/contact/batch/", json=payload,
                 headers={"Content-Type": "application/json"})
        sent += len(chunk)
    return sent


def owners_by_email(api: HubSpotAPI) -> Dict[str, int]:
    owners = api.get("/owners/v2/owners", params={"includeInactive": "false"})
    return {o["email"]: o["ownerId"] for o in owners}
