from revops.hubspot_api import HubSpotAPI


def log_call(api: HubSpotAPI, deal_id, owner_id, note):
    return api.post("/engagements/v1/engagements", json={
        "engagement": {"type": "CALL", "ownerId": owner_id},
        "associations": {"dealIds": [deal_id]},
        "metadata": {"body": note, "status": "COMPLETED"}})["engagement"]["id"]


def remove(api: HubSpotAPI, engagement_id):
    api.delete("/engagements/v1/engagements/%s" % engagement_id)
