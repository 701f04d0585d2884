"""Settings read once from the environment."""
import os
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Settings:
    api_key: str
    base_url: str = "https://api.hubapi.com"
    timeout: float = 10.0
    max_retries: int = 3
    user_agent: str = field(default="hubkit/0.4.2")

    @classmethod
    def from_env(cls, prefix: str = "HUBKIT_") -> "Settings":
        key: Optional[str] = os.environ.get(prefix + "API_KEY")
        if not key:
            raise RuntimeError(f"{prefix}API_KEY is not set")
        return cls(
            api_key=key,
            base_url=os.environ.get(prefix + "BASE_URL", cls.base_url),
            timeout=float(os.environ.get(prefix + "TIMEOUT", cls.timeout)),
        )
