from __future__ import annotations

from typing import Any, AsyncIterator, Protocol


class ContactSource(Protocol):
    def iter_contacts(self, properties: list[str]) -> AsyncIterator[dict[str, Any]]:
        ...

    async def batch_update_contacts(self, updates: dict[str, dict[str, str]]) -> int:
        ...
