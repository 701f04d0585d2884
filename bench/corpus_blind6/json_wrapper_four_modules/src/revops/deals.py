from revops.hubspot_api import HubSpotAPI
from revops.owners import owners_by_id


def stale_deals_by_owner(api: HubSpotAPI):
    result = {}
    data = api.get("/deals/v1/deal/recent/modified", params={"count": 50, "since": 0})
    owners = owners_by_id()
    for deal in data["results"]:
        owner_id = int(deal["properties"]["hubspot_owner_id"]["value"])
        result.setdefault(owners[owner_id]["email"], []).append(deal["dealId"])
    return result


def close_lost(api: HubSpotAPI, deal_id):
    api.put("/deals/v1/deal/%s" % deal_id, json={"properties": [{"name": "dealstage", "value": "closedlost"}]})
