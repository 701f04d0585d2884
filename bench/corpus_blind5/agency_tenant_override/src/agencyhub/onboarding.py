"""Check a client's key when they hand it over, and record the portal in our CRM."""
from agencyhub.client import HubSpotClient, client


def check_portal_key(api_key):
    their = HubSpotClient(api_key)
    info = their.get("/integrations/v1/me")
    return info.get("portalId")


def onboard(company_id, api_key):
    portal_id = check_portal_key(api_key)
    client.post(
        "/companies/v2/companies/%s" % company_id,
        {"properties": [{"name": "hubspot_portal_id", "value": str(portal_id)}]},
    )
    return portal_id
