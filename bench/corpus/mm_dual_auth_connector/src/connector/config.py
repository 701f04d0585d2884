from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class HubSpotConfig:
    api_key: Optional[str] = None
    access_token: Optional[str] = None
    developer_key: Optional[str] = None
    app_id: Optional[int] = None
    developer_user_id: Optional[int] = None
    base_url: str = "https://api.hubapi.com"
    property_group: str = "shiftly"
    extra_headers: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> "HubSpotConfig":
        app_id = os.environ.get("HUBSPOT_APP_ID")
        user_id = os.environ.get("HUBSPOT_DEVELOPER_USER_ID")
        return cls(
            api_key=os.environ.get("HUBSPOT_API_KEY"),
            # installs that went through the marketplace flow get a token instead
            access_token=os.environ.get("HUBSPOT_OAUTH_TOKEN"),
            developer_key=os.environ.get("HUBSPOT_DEVELOPER_KEY"),
            app_id=int(app_id) if app_id else None,
            developer_user_id=int(user_id) if user_id else None,
        )
