"""Configuration as a plain dict so it can be dumped into the report footer
(minus secrets)."""
import os

CONFIG = {
    "hubspot": {
        "base": "https://api.hubapi.com",
        "api_key": os.environ.get("HUBSPOT_API_KEY"),
        "timeout": 20,
    },
    "report": {
        "engagement_types": ["CALL", "MEETING", "EMAIL"],
        "owner_property": "hubspot_owner_id",
    },
}


def public_config():
    safe = {k: dict(v) for k, v in CONFIG.items()}
    safe["hubspot"].pop("api_key", None)
    return safe
