"""HubSpotAPI: one object giving access to every resource client."""
from __future__ import annotations

import os
from typing import Optional

import requests

from .resources import ContactsClient, DealsClient, EngagementsClient, OwnersClient


class HubSpotAPI:
    def __init__(self, api_key: str, session: Optional[requests.Session] = None) -> None:
        shared = session or requests.Session()
        self.contacts = ContactsClient(api_key, shared)
        self.deals = DealsClient(api_key, shared)
        self.engagements = EngagementsClient(api_key, shared)
        self.owners = OwnersClient(api_key, shared)

    @classmethod
    def from_env(cls, variable: str = "HUBSPOT_API_KEY") -> "HubSpotAPI":
        try:
            return cls(os.environ[variable])
        except KeyError:
            raise RuntimeError(f"{variable} is not set") from None
