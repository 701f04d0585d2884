from crmkit.api import default_api


def create_deal(name, amount, vid, stage="appointmentscheduled", api=None):
    api = api or default_api()
    data = {
        "associations": {"associatedVids": [vid]},
        "properties": [
            {"name": "dealname", "value": name},
            {"name": "amount", "value": str(amount)},
            {"name": "dealstage", "value": stage},
        ],
    }
    return api.post("/deals/v1/deal", data=data)["dealId"]


def move_stage(deal_id, stage, api=None):
    api = api or default_api()
    return api.put("/deals/v1/deal/%s" % deal_id, data={"properties": [{"name": "dealstage", "value": stage}]})


def remove_deal(deal_id, api=None):
    return (api or default_api()).delete("/deals/v1/deal/%s" % deal_id)
