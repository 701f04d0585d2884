from crmworker.api import HubSpotAPI, HubSpotAPIError, get_api

REQUIRED = [
    {"name": "renewal_date", "label": "Renewal date", "groupName": "dealinformation", "type": "date", "fieldType": "date"},
]


def ensure_contact_property(name, label, api=None):
    api = api or get_api()
    try:
        return api.get("/properties/v1/contacts/properties/named/%s" % name)
    except HubSpotAPIError as err:
        if err.status != 404:
            raise
    return api.post(
        "/properties/v1/contacts/properties",
        {"name": name, "label": label, "groupName": "contactinformation", "type": "string", "fieldType": "text"},
    )


def ensure_deal_properties(api_key=None):
    api = HubSpotAPI(api_key=api_key) if api_key else get_api()
    existing = {p["name"] for p in api.get("/properties/v1/deals/properties") or []}
    created = 0
    for prop in REQUIRED:
        if prop["name"] not in existing:
            api.post("/properties/v1/deals/properties", prop)
            created += 1
    return created
