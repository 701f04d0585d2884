from __future__ import annotations

import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    portal_id: str
    base_url: str = "https://api.hubapi.com"
    timeout: float = 10.0
    lead_form: str = ""
    extra_properties: tuple = field(default_factory=lambda: ("company", "phone"))


def settings_from_env(env=None) -> HubSpotSettings:
    env = os.environ if env is None else env
    return HubSpotSettings(
        api_key=env["HUBSPOT_API_KEY"],
        portal_id=env.get("HUBSPOT_PORTAL_ID", ""),
        lead_form=env.get("HUBSPOT_LEAD_FORM", ""),
    )
