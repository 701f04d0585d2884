from shopsync.hubspot import hubspot


def upsert_customer(customer):
    """Create or update the HubSpot contact for a shop customer; returns vid."""
    props = {
        "email": customer["email"],
        "firstname": customer.get("first_name") or "",
        "lastname": customer.get("last_name") or "",
        "shop_customer_id": str(customer["id"]),
        "shop_orders_count": str(customer.get("orders_count", 0)),
    }
    body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    result = hubspot.post("/contacts/v1/contact/createOrUpdate/email/%s/" % customer["email"], body)
    return result["vid"]


def contact_vids_for(emails):
    result = hubspot.get("/contacts/v1/contact/emails/batch/",
                         params={"email": list(emails), "property": "email"})
    return {c["properties"]["email"]["value"]: int(vid) for vid, c in result.items()}
