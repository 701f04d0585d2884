"""The transport every resource client shares."""
from __future__ import annotations

import logging
from typing import Any, Dict, Optional

import requests

logger = logging.getLogger("hubkit")

JSON = Dict[str, Any]


class HubKitError(RuntimeError):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"HubSpot answered {status}: {message}")
        self.status = status


class BaseClient:
    """Holds the key and the session; subclasses add resource methods."""

    base_url = "https://api.hubapi.com"

    def __init__(self, api_key: str, session: Optional[requests.Session] = None, timeout: float = 15.0) -> None:
        self.api_key = api_key
        self.session = session or requests.Session()
        self.timeout = timeout

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        params = kwargs.pop("params", None) or {}
        params["hapikey"] = self.api_key
        kwargs.setdefault("timeout", self.timeout)
        url = f"{self.base_url}{path}"
        logger.debug("%s %s", method, path)
        response = self.session.request(method, url, params=params, **kwargs)
        if response.status_code >= 400:
            raise HubKitError(response.status_code, response.text[:300])
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    def get(self, path: str, **params: Any) -> Any:
        return self._request("GET", path, params=params)

    def post(self, path: str, data: Optional[JSON] = None, **params: Any) -> Any:
        return self._request("POST", path, json=data, params=params)

    def put(self, path: str, data: Optional[JSON] = None, **params: Any) -> Any:
        return self._request("PUT", path, json=data, params=params)

    def delete(self, path: str, **params: Any) -> Any:
        return self._request("DELETE", path, params=params)
