"""Deals from paid invoices (deals v1)."""


class DealService(object):
    def __init__(self, api, pipeline):
        self.api = api
        self.pipeline = pipeline

    def find(self, invoice_id):
        res = self.api.get("/deals/v1/deal/recent/modified", params={"count": 50})
        for d in (res or {}).get("results", []):
            props = d.get("properties", {})
            if props.get("stripe_invoice", {}).get("value") == invoice_id:
                return d["dealId"]
        return None

    def create(self, invoice):
        body = {"properties": [
            {"name": "dealname", "value": "Invoice %s" % invoice["id"]},
            {"name": "amount", "value": str(invoice["amount_paid"] / 100.0)},
            {"name": "pipeline", "value": self.pipeline},
            {"name": "stripe_invoice", "value": invoice["id"]},
        ]}
        return self.api.post("/deals/v1/deal", body).get("dealId")

    def close(self, deal_id):
        return self.api.put("/deals/v1/deal/%s" % deal_id, {"properties": [{"name": "dealstage", "value": "closedwon"}]})
