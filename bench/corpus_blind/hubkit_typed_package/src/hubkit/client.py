"""The HTTP layer: one `_request` every verb goes through."""
import logging
import time
from typing import Any, Dict, Optional

import requests

from hubkit.config import Settings

logger = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 502, 503, 504})


class HubSpotError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status


class HubSpotAPI:
    def __init__(self, settings: Optional[Settings] = None,
                 session: Optional[requests.Session] = None) -> None:
        self.settings = settings or Settings.from_env()
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": self.settings.user_agent})

    def get(self, path: str, **kwargs: Any) -> Any:
        return self._request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self._request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Any:
        return self._request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self._request("DELETE", path, **kwargs)

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        url = self.settings.base_url + path
        kwargs.setdefault("params", {})["hapikey"] = self.settings.api_key
        kwargs.setdefault("timeout", self.settings.timeout)
        for attempt in range(self.settings.max_retries + 1):
            response = self.session.request(method, url, **kwargs)
            if response.status_code not in RETRY_STATUSES:
                break
            logger.warning("HubSpot %s %s -> %s, retrying", method, path, response.status_code)
            time.sleep(2 ** attempt)
        if response.status_code >= 400:
            raise HubSpotError(response.status_code, response.text[:200])
        if response.status_code == 204 or not response.content:
            return None
        return response.json()
