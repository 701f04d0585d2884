import os
from dataclasses import dataclass


@dataclass
class Config:
    hubspot_key: str
    provider_token: str
    provider_url: str = "https://company.firmo.example/v2/companies/find"
    concurrency: int = 5


def from_env() -> Config:
    return Config(
        hubspot_key=os.environ["HUBSPOT_API_KEY"],
        provider_token=os.environ["FIRMO_TOKEN"],
        concurrency=int(os.environ.get("ENRICH_CONCURRENCY", "5")),
    )
