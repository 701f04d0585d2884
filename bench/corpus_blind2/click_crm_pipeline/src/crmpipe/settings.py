"""Settings for crmpipe, built once by the CLI and handed to every command."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping, Optional


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"
    page_size: int = 100
    timeout: float = 30.0


@dataclass(frozen=True)
class Settings:
    hubspot: HubSpotSettings
    slack_webhook: Optional[str] = None
    dry_run: bool = False
    tags: tuple = field(default_factory=tuple)


def build_settings(
    env: Mapping[str, str] = os.environ,
    api_key: Optional[str] = None,
    dry_run: bool = False,
) -> Settings:
    """The one place settings come from: explicit arguments win over the environment."""
    key = api_key or env.get("HUBSPOT_API_KEY")
    if not key:
        raise SystemExit("HUBSPOT_API_KEY is not set (or pass --api-key)")
    hub = HubSpotSettings(
        api_key=key,
        base_url=env.get("HUBSPOT_BASE_URL", "https://api.hubapi.com"),
        page_size=int(env.get("CRMPIPE_PAGE_SIZE", "100")),
    )
    return Settings(hubspot=hub, slack_webhook=env.get("SLACK_WEBHOOK"), dry_run=dry_run)
