from .api import BASE, post


def create_deals(deals):
    inputs = [{"properties": {"dealname": d["name"], "amount": str(d["amount"]),
                              "pipeline": "default", "dealstage": d.get("stage", "appointmentscheduled")}}
              for d in deals]
    resp = post(BASE + "/crm/v3/objects/deals/batch/create", json={"inputs": inputs})
    resp.raise_for_status()
    return [r["id"] for r in resp.json()["results"]]


def associate(deal_ids, contact_ids):
    inputs = [{"from": {"id": d}, "to": {"id": c}, "type": "deal_to_contact"}
              for d, c in zip(deal_ids, contact_ids)]
    return post(BASE + "/crm/v3/associations/deal/contact/batch/create",
                json={"inputs": inputs}).status_code
