import functools
import json
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    hubspot_api_key: str
    hubspot_base_url: str
    hubspot_timeout: int
    stripe_key: str
    owners_cache_ttl: int


@functools.lru_cache(maxsize=1)
def get_settings(path="config/settings.json") -> Settings:
    with open(path) as fh:
        raw = json.load(fh)
    return Settings(
        hubspot_api_key=os.environ[raw["hubspot"]["api_key_env"]],
        hubspot_base_url=raw["hubspot"]["base_url"],
        hubspot_timeout=raw["hubspot"]["timeout"],
        stripe_key=os.environ.get(raw["stripe"]["api_key_env"], ""),
        owners_cache_ttl=raw["owners_cache_ttl"],
    )
