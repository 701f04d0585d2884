import os
from dataclasses import dataclass


@dataclass(frozen=True)
class HubSpotSettings:
    api_key: str
    base_url: str = "https://api.hubapi.com"
    concurrency: int = 5


@dataclass(frozen=True)
class Settings:
    hubspot: HubSpotSettings
    clearbit_key: str
    slack_webhook: str = ""


def load_settings():
    return Settings(
        hubspot=HubSpotSettings(api_key=os.environ["HUBSPOT_API_KEY"]),
        clearbit_key=os.environ.get("CLEARBIT_KEY", ""),
        slack_webhook=os.environ.get("SLACK_WEBHOOK_URL", ""),
    )
