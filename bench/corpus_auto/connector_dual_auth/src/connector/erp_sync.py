import requests

from connector.api import HubSpotConnector

ERP = "https://erp.example.com/api/customers"


def sync_customers(connector=None):
    hs = connector or HubSpotConnector()
    known = {c["properties"]["name"]["value"] for c in hs.companies()
             if "name" in c.get("properties", {})}
    erp = requests.get(ERP, headers={"Authorization": "Token erp-123"}).json()
    created = []
    for cust in erp:
        if cust["name"] not in known:
            created.append(hs.create_company(cust["name"], cust["domain"])["companyId"])
    return created
