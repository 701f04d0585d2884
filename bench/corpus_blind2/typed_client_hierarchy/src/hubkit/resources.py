"""Resource clients: one subclass of BaseClient per object type."""
from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional

from .base import JSON, BaseClient


class ContactsClient(BaseClient):
    def by_email(self, email: str) -> Optional[JSON]:
        return self.get(f"/contacts/v1/contact/email/{email}/profile")

    def create_or_update(self, email: str, properties: Dict[str, Any]) -> JSON:
        body = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
        return self.post(f"/contacts/v1/contact/createOrUpdate/email/{email}/", body)

    def all(self, page_size: int = 100) -> Iterator[JSON]:
        offset: Optional[int] = None
        while True:
            params: Dict[str, Any] = {"count": page_size}
            if offset is not None:
                params["vidOffset"] = offset
            page = self.get("/contacts/v1/lists/all/contacts/all", **params)
            yield from page.get("contacts", [])
            if not page.get("has-more"):
                return
            offset = page["vid-offset"]

    def remove(self, vid: int) -> None:
        self.delete(f"/contacts/v1/contact/vid/{vid}")


class DealsClient(BaseClient):
    def get_deal(self, deal_id: int) -> JSON:
        return self.get(f"/deals/v1/deal/{deal_id}")

    def create(self, name: str, amount: float, stage: str, contact_ids: List[int] = ()) -> JSON:
        body = {
            "associations": {"associatedVids": list(contact_ids)},
            "properties": [
                {"name": "dealname", "value": name},
                {"name": "amount", "value": str(amount)},
                {"name": "dealstage", "value": stage},
            ],
        }
        return self.post("/deals/v1/deal", body)

    def move(self, deal_id: int, stage: str) -> JSON:
        return self.put(f"/deals/v1/deal/{deal_id}", {"properties": [{"name": "dealstage", "value": stage}]})


class EngagementsClient(BaseClient):
    def log_call(self, contact_id: int, body: str, duration_ms: int, timestamp: int) -> JSON:
        payload = {
            "engagement": {"active": True, "type": "CALL", "timestamp": timestamp},
            "associations": {"contactIds": [contact_id]},
            "metadata": {"body": body, "durationMilliseconds": duration_ms, "status": "COMPLETED"},
        }
        return self.post("/engagements/v1/engagements", payload)


class OwnersClient(BaseClient):
    def owners(self, email: Optional[str] = None) -> List[JSON]:
        if email:
            return self.get("/owners/v2/owners", email=email)
        return self.get("/owners/v2/owners")
