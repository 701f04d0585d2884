"""Timeline event types belong to the *app*, so they are managed with the
developer portal's key, not the customer's credentials."""
from __future__ import annotations

import logging
from typing import List

import requests

from connector.config import HubSpotConfig

logger = logging.getLogger(__name__)

EVENT_TYPES = [
    {"name": "Shift completed", "headerTemplate": "Worked {{hours}}h at {{location}}",
     "objectType": "CONTACTS"},
    {"name": "Shift missed", "headerTemplate": "Missed shift at {{location}}",
     "objectType": "CONTACTS"},
]


def _dev_params(config: HubSpotConfig) -> dict:
    return {"hapikey": config.developer_key, "userId": config.developer_user_id}


def list_event_types(config: HubSpotConfig) -> List[dict]:
    url = f"{config.base_url}/integrations/v1/{config.app_id}/timeline/event-types"
    resp = requests.get(url, params=_dev_params(config), timeout=20)
    resp.raise_for_status()
    return resp.json()


def register_event_types(config: HubSpotConfig) -> List[int]:
    existing = {t["name"] for t in list_event_types(config)}
    created = []
    url = f"{config.base_url}/integrations/v1/{config.app_id}/timeline/event-types"
    for event_type in EVENT_TYPES:
        if event_type["name"] in existing:
            continue
        body = dict(event_type, applicationId=config.app_id)
        resp = requests.post(url, params=_dev_params(config), json=body, timeout=20)
        resp.raise_for_status()
        created.append(resp.json().get("id"))
    logger.info("registered %d timeline event types", len(created))
    return created
