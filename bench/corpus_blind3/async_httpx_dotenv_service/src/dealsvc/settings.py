"""Settings: a frozen dataclass built by a factory from the environment and .env."""
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


def read_dotenv(path=".env"):
    values = {}
    p = Path(path)
    if not p.exists():
        return values
    for line in p.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        k, v = line.split("=", 1)
        values[k.strip()] = v.strip().strip('"').strip("'")
    return values


@dataclass(frozen=True)
class Settings:
    hubspot_api_key: str
    hubspot_base_url: str = "https://api.hubapi.com"
    pipeline: str = "default"
    concurrency: int = 4
    extra_headers: dict = field(default_factory=dict)


@lru_cache()
def get_settings() -> Settings:
    env = {**read_dotenv(), **os.environ}
    return Settings(
        hubspot_api_key=env.get("HUBSPOT_API_KEY", ""),
        pipeline=env.get("DEALSVC_PIPELINE", "default"),
        concurrency=int(env.get("DEALSVC_CONCURRENCY", "4")),
        extra_headers={"X-Service": "dealsvc"},
    )
