import os
from dataclasses import dataclass, field


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


@dataclass
class Settings:
    hubspot_api_key: str = field(default_factory=lambda: _env("HUBSPOT_API_KEY"))
    hubspot_portal_id: str = field(default_factory=lambda: _env("HUBSPOT_PORTAL_ID", "5551212"))
    checkout_form_guid: str = field(default_factory=lambda: _env("HUBSPOT_CHECKOUT_FORM", "c0ffee00-1111-2222-3333-444455556666"))
    stripe_key: str = field(default_factory=lambda: _env("STRIPE_SECRET_KEY"))
    deal_pipeline: str = "default"


SETTINGS = Settings()
