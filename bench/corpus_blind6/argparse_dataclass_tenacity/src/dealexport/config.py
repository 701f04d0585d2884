import functools
import os
from dataclasses import dataclass, field
from typing import NamedTuple, Optional


class Endpoint(NamedTuple):
    method: str
    path: str


DEALS_PAGED = Endpoint("GET", "/deals/v1/deal/paged")
DEAL_ASSOCIATIONS = Endpoint("GET", "/crm-associations/v1/associations/{deal_id}/HUBSPOT_DEFINED/3")
CONTACT_BY_VID = Endpoint("GET", "/contacts/v1/contact/vid/{vid}/profile")


@dataclass(frozen=True)
class ExportConfig:
    api_key: str
    base_url: str = "https://api.hubapi.com"
    page_size: int = 100
    properties: tuple = ("dealname", "amount", "closedate")
    upload_url: Optional[str] = None
    upload_token: Optional[str] = field(default=None, repr=False)


@functools.lru_cache(maxsize=None)
def default_api_key():
    key = os.environ.get("HUBSPOT_API_KEY")
    if not key:
        raise SystemExit("set HUBSPOT_API_KEY or pass --api-key")
    return key
