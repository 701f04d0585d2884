"""Settings object built once and handed down to every client."""
import os
from dataclasses import dataclass, field

import yaml


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"
    timeout: int = 20


@dataclass(frozen=True)
class StripeSettings:
    secret_key: str
    base_url: str = "https://api.stripe.com"


@dataclass(frozen=True)
class Settings:
    hubspot: HubSpotSettings
    stripe: StripeSettings
    pipeline: str = "default"
    extra: dict = field(default_factory=dict)


def load(path="config.yml"):
    with open(path) as fh:
        raw = yaml.safe_load(os.path.expandvars(fh.read()))
    return Settings(
        hubspot=HubSpotSettings(**raw["hubspot"]),
        stripe=StripeSettings(**raw["stripe"]),
        pipeline=raw.get("pipeline", "default"),
    )
