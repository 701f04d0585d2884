from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"
    timeout: float = 10.0
    page_size: int = 100


@lru_cache(maxsize=1)
def get_settings() -> HubSpotSettings:
    return HubSpotSettings(
        api_key=os.environ["HUBSPOT_API_KEY"],
        page_size=int(os.environ.get("HUBSPOT_PAGE_SIZE", "100")),
    )
