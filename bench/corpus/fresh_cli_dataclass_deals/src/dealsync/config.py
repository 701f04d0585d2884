from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Optional, Tuple


@dataclass(frozen=True)
class HubSpotConfig:
    api_key: str
    base_url: str = "https://api.hubapi.com/"
    page_size: int = 250
    timeout: float = 15.0
    properties: Tuple[str, ...] = ("dealname", "dealstage", "amount", "closedate")
    pipeline: Optional[str] = None
    dry_run: bool = False
    extra_headers: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides) -> "HubSpotConfig":
        cfg = cls(
            api_key=os.environ.get("HUBSPOT_API_KEY", ""),
            base_url=os.environ.get("HUBSPOT_BASE_URL", cls.base_url),
            pipeline=os.environ.get("HUBSPOT_PIPELINE") or None,
        )
        return replace(cfg, **overrides) if overrides else cfg
