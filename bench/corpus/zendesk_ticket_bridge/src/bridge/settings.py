import os
from dataclasses import dataclass, field


@dataclass
class Settings:
    hubspot_key: str = field(default_factory=lambda: os.environ.get("HUBSPOT_API_KEY", ""))
    zendesk_subdomain: str = field(default_factory=lambda: os.environ.get("ZENDESK_SUBDOMAIN", "acmehelp"))
    zendesk_email: str = field(default_factory=lambda: os.environ.get("ZENDESK_EMAIL", "bot@acme.io"))
    zendesk_token: str = field(default_factory=lambda: os.environ.get("ZENDESK_TOKEN", ""))
    retry_delay: float = 1.0


settings = Settings()
