import requests

from revops.hubspot_api import HubSpotAPI
from revops.settings import get_settings


def stripe_mrr(customer_id):
    s = get_settings()
    response = requests.get("https://api.stripe.com/v1/subscriptions",
                            params={"customer": customer_id, "status": "active"},
                            headers={"Authorization": "Bearer " + s.stripe_key})
    return sum(item["plan"]["amount"] for sub in response.json()["data"] for item in sub["items"]["data"]) / 100


def push_mrr(api: HubSpotAPI, company_id, customer_id):
    mrr = stripe_mrr(customer_id)
    api.put("/companies/v2/companies/%s" % company_id,
            json={"properties": [{"name": "mrr", "value": mrr}]})
    return mrr
