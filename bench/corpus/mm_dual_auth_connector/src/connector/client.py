from __future__ import annotations

import logging
from typing import Any, Dict, Optional

import requests

from connector.config import HubSpotConfig

logger = logging.getLogger(__name__)


class HubSpotClient:
    """Works with either an OAuth access token (marketplace installs) or a
    portal API key (legacy installs that pasted a key into settings)."""

    def __init__(
        self,
        api_key: Optional[str] = None,
        access_token: Optional[str] = None,
        base_url: str = "https://api.hubapi.com",
        session: Optional[requests.Session] = None,
    ) -> None:
        if not api_key and not access_token:
            raise ValueError("HubSpotClient needs an api_key or an access_token")
        self.api_key = api_key
        self.access_token = access_token
        self.base_url = base_url.rstrip("/")
        self.session = session or requests.Session()

    @classmethod
    def from_config(cls, config: HubSpotConfig) -> "HubSpotClient":
        if config.access_token:
            return cls(access_token=config.access_token, base_url=config.base_url)
        return cls(api_key=config.api_key, base_url=config.base_url)

    @property
    def auth_mode(self) -> str:
        return "oauth" if self.access_token else "api_key"

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers: Dict[str, str] = kwargs.pop("headers", None) or {}
        params: Dict[str, Any] = kwargs.pop("params", None) or {}
        if self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        else:
            params["hapikey"] = self.api_key
        url = f"{self.base_url}{path}"
        logger.debug("%s %s (%s)", method, path, self.auth_mode)
        response = self.session.request(method, url, headers=headers, params=params, **kwargs)
        response.raise_for_status()
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    def get(self, path: str, **params: Any) -> Any:
        return self._request("GET", path, params=params)

    def post(self, path: str, body: Any, **params: Any) -> Any:
        return self._request("POST", path, json=body, params=params)

    def patch(self, path: str, body: Any) -> Any:
        return self._request("PATCH", path, json=body)

    def delete(self, path: str) -> Any:
        return self._request("DELETE", path)
