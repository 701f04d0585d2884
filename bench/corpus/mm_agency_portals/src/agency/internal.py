"""Log agency-side activity into our own HubSpot portal as notes on the
agency's 'Client work' company record."""

import logging

from agency import settings
from agency.client import PortalClient

log = logging.getLogger(__name__)

CLIENT_WORK_COMPANY_ID = 1900211

_client = None


def agency_client():
    global _client
    if _client is None:
        _client = PortalClient(settings.AGENCY_PORTAL_ID, settings.AGENCY_HUBSPOT_KEY)
    return _client


def log_activity(text):
    if not settings.AGENCY_HUBSPOT_KEY:
        log.info("no agency key configured; not logging %r", text)
        return None
    return agency_client().post(
        "/engagements/v1/engagements",
        {
            "engagement": {"active": True, "type": "NOTE"},
            "associations": {"companyIds": [CLIENT_WORK_COMPANY_ID]},
            "metadata": {"body": text},
        },
    )
