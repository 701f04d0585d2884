"""Companies (v2) and their properties (v1 groups)."""
from typing import Any, Dict, Iterator, List, Optional

from hubkit.client import HubSpotAPI


class Companies:
    def __init__(self, api: HubSpotAPI) -> None:
        self.api = api

    def iter_all(self, properties: Optional[List[str]] = None) -> Iterator[Dict[str, Any]]:
        params: Dict[str, Any] = {"limit": 250}
        if properties:
            params["properties"] = properties
        while True:
            page = self.api.get("/companies/v2/companies/paged", params=dict(params))
            yield from page.get("companies", [])
            if not page.get("has-more"):
                return
            params["offset"] = page["offset"]

    def update(self, company_id: int, values: Dict[str, str]) -> Dict[str, Any]:
        body = {"properties": [{"name": k, "value": v} for k, v in values.items()]}
        return self.api.put(f"/companies/v2/companies/{company_id}", json=body)

    def delete(self, company_id: int) -> None:
        self.api.delete(f"/companies/v2/companies/{company_id}")

    def property_names(self) -> List[str]:
        props = self.api.get("/properties/v1/companies/properties")
        return [p["name"] for p in props]
