"""New leads: v3 search paging by following paging.next.link, owner assignment v1."""


def new_leads(api, since_ms):
    body = {
        "filterGroups": [{"filters": [
            {"propertyName": "createdate", "operator": "GTE", "value": str(since_ms)},
            {"propertyName": "lifecyclestage", "operator": "EQ", "value": "lead"},
        ]}],
        "properties": ["email", "firstname", "hubspot_owner_id"],
        "limit": 100,
    }
    page = api.post("/crm/v3/objects/contacts/search", json=body)
    leads = list(page.get("results", []))
    return leads


def all_contacts(api):
    """Every contact, following the full paging link HubSpot returns."""
    target = "/crm/v3/objects/contacts?limit=100&properties=email"
    out = []
    while target:
        page = api.get(target)
        out.extend(page.get("results", []))
        target = page.get("paging", {}).get("next", {}).get("link")
    return out


def assign_owner(api, vid, owner_id):
    return api.post(
        "/contacts/v1/contact/vid/%s/profile" % vid,
        json={"properties": [{"property": "hubspot_owner_id", "value": str(owner_id)}]},
    )
