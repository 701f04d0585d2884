"""Third-party firmographics (bearer token of the enrichment vendor)."""
from typing import Any, Dict

import httpx

from enrich.constants import ENRICH_API, ENRICH_TOKEN


async def lookup_domain(client: httpx.AsyncClient, domain: str) -> Dict[str, Any]:
    resp = await client.get(ENRICH_API + "/companies/find", params={"domain": domain},
                            headers={"Authorization": "Bearer " + ENRICH_TOKEN})
    if resp.status_code == 404:
        return {}
    return resp.json()
