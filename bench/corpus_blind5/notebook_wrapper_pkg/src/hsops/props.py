from hsops.api import api


def ensure_property(name, label, group="contactinformation"):
    existing = {p["name"] for p in api.get("/properties/v1/contacts/properties")}
    if name in existing:
        return api.put("/properties/v1/contacts/properties/named/%s" % name, json={"label": label})
    return api.post(
        "/properties/v1/contacts/properties",
        json={"name": name, "label": label, "groupName": group, "type": "string", "fieldType": "text"},
    )
