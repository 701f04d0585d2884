from bridge import net


def upsert_customer(customer):
    props = [
        {"property": "email", "value": customer["email"]},
        {"property": "firstname", "value": customer.get("first_name") or ""},
        {"property": "lastname", "value": customer.get("last_name") or ""},
        {"property": "shopify_customer_id", "value": str(customer["id"])},
    ]
    resp = net.hubspot.post(
        net.HUBSPOT_API + "/contacts/v1/contact/createOrUpdate/email/%s/" % customer["email"],
        json={"properties": props})
    resp.raise_for_status()
    return resp.json()["vid"]


def bulk_upsert(customers):
    body = [{"email": c["email"], "properties": [
        {"property": "shopify_customer_id", "value": str(c["id"])}]} for c in customers]
    resp = net.hubspot.post(net.HUBSPOT_API + "/contacts/v1/contact/batch/", json=body)
    return resp.status_code == 202


def company_logo(company_id):
    """For the packing slip: the company's logo URL (filled in by HubSpot's enrichment)."""
    company = net.hubspot.get(net.HUBSPOT_API + "/companies/v2/companies/%s" % company_id).json()
    logo = company["properties"].get("hs_logo_url", {}).get("value")
    if not logo:
        return None
    return net.hubspot.get(logo).content
