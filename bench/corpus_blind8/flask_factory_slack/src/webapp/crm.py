from flask import current_app

from webapp.outbound import HUBSPOT, get_json, hubspot_key, post_json


def upsert_contact(email, props):
    body = {"properties": [{"property": k, "value": v} for k, v in sorted(props.items())]}
    r = post_json(HUBSPOT + "/contacts/v1/contact/createOrUpdate/email/" + email, body, key=hubspot_key())
    return r.json().get("vid")


def add_to_lead_list(vid):
    list_id = current_app.config["LEAD_LIST_ID"]
    if not list_id:
        return None
    return post_json(HUBSPOT + "/contacts/v1/lists/%d/add" % list_id, {"vids": [vid]}, key=hubspot_key()).status_code


def company_by_domain(domain):
    url = HUBSPOT + "/companies/v2/domains/" + domain + "/companies"
    r = post_json(url, {"limit": 1, "requestOptions": {"properties": ["name"]}}, key=hubspot_key())
    results = r.json().get("results") or []
    return results[0]["companyId"] if results else None


def contact_owner(vid):
    data = get_json(HUBSPOT + "/contacts/v1/contact/vid/%s/profile" % vid, key=hubspot_key(), property="hubspot_owner_id")
    owner = data.get("properties", {}).get("hubspot_owner_id", {}).get("value")
    if not owner:
        return None
    return get_json(HUBSPOT + "/owners/v2/owners/" + owner, key=hubspot_key()).get("email")
