"""The firmographics provider (Bearer token of its own)."""
from typing import Any, Dict, Optional

import httpx


async def lookup(client: httpx.AsyncClient, url: str, token: str, domain: str) -> Optional[Dict[str, Any]]:
    resp = await client.get(url, params={"domain": domain}, headers={"Authorization": f"Bearer {token}"})
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()
