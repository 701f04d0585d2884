"""Entry points used by the Shiftly backend (management commands / jobs)."""
from __future__ import annotations

import logging
from typing import List

from connector import contacts, properties, timeline
from connector.client import HubSpotClient
from connector.config import HubSpotConfig

logger = logging.getLogger(__name__)


def install(config: HubSpotConfig = None) -> dict:
    config = config or HubSpotConfig.from_env()
    client = HubSpotClient.from_config(config)
    created = properties.ensure_properties(client, group=config.property_group)
    return {"auth": client.auth_mode, "created_properties": created}


def register_app(config: HubSpotConfig = None) -> List[int]:
    config = config or HubSpotConfig.from_env()
    return timeline.register_event_types(config)


def nightly_push(workers: List[contacts.Worker], config: HubSpotConfig = None) -> int:
    config = config or HubSpotConfig.from_env()
    client = HubSpotClient.from_config(config)
    return contacts.push_workers(client, workers)


def offboard(contact_id: str, config: HubSpotConfig = None) -> None:
    config = config or HubSpotConfig.from_env()
    contacts.remove_contact(HubSpotClient.from_config(config), contact_id)
