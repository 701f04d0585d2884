from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, List, Optional

from connector.client import HubSpotClient


@dataclass
class Worker:
    email: str
    hours_30d: float
    location: str
    hubspot_id: Optional[str] = None


def iter_contacts(client: HubSpotClient, page_size: int = 100) -> Iterator[dict]:
    after: Optional[str] = None
    while True:
        params = {"limit": page_size, "properties": "email,shiftly_location"}
        if after:
            params["after"] = after
        page = client.get("/crm/v3/objects/contacts", **params)
        yield from page.get("results", [])
        after = (page.get("paging") or {}).get("next", {}).get("after")
        if not after:
            return


def push_workers(client: HubSpotClient, workers: List[Worker]) -> int:
    by_email = {
        (c.get("properties") or {}).get("email"): c["id"] for c in iter_contacts(client)
    }
    pushed = 0
    for w in workers:
        props = {"shiftly_hours_30d": str(w.hours_30d), "shiftly_location": w.location}
        contact_id = by_email.get(w.email)
        if contact_id:
            client.patch(f"/crm/v3/objects/contacts/{contact_id}", {"properties": props})
        else:
            created = client.post("/crm/v3/objects/contacts",
                                  {"properties": dict(props, email=w.email)})
            w.hubspot_id = created.get("id")
        pushed += 1
    return pushed


def remove_contact(client: HubSpotClient, contact_id: str) -> None:
    client.delete(f"/crm/v3/objects/contacts/{contact_id}")
