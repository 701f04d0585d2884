"""Legacy CRM -> HubSpot bridge: contacts, companies, deals."""
import requests

from bridge import constants, hubspot_api, settings
from bridge.session import hubspot_session


def legacy_accounts():
    r = requests.get(settings.CRM_LEGACY_URL + "/accounts", params={"updated": "1d"})
    r.raise_for_status()
    return r.json()


def upsert_contact(person):
    url = "%s/contact/createOrUpdate/email/%s/" % (constants.CONTACTS_URL, person["email"])
    r = requests.post(url, params=constants.PARAMS, json={"properties": [
        {"property": "firstname", "value": person["first"]},
        {"property": "lastname", "value": person["last"]}]})
    r.raise_for_status()
    return r.json()["vid"]


def ensure_company(account):
    r = hubspot_session.post(constants.BASE_URL + "/companies/v2/domains/%s/companies"
                             % account["domain"], json={"limit": 1, "requestOptions": {
                                 "properties": ["domain", "name"]}})
    found = r.json().get("results", [])
    if found:
        return found[0]["companyId"]
    r = hubspot_session.post(constants.BASE_URL + "/companies/v2/companies",
                             json={"properties": [{"name": "name", "value": account["name"]},
                                                  {"name": "domain", "value": account["domain"]}]})
    return r.json()["companyId"]


def open_deal(account, company_id, vids):
    return hubspot_api.send("POST", "/deals/v1/deal", json={
        "associations": {"associatedCompanyIds": [company_id], "associatedVids": vids},
        "properties": [{"name": "dealname", "value": account["name"] + " renewal"},
                       {"name": "amount", "value": str(account["arr"])}]})["dealId"]


def run():
    deals = []
    for account in legacy_accounts():
        company = ensure_company(account)
        vids = [upsert_contact(p) for p in account["people"]]
        deals.append(open_deal(account, company, vids))
    pipelines = hubspot_api.send("GET", "/deals/v1/pipelines", {"includeInactive": "EXCLUDE_DELETED"})
    return deals, len(pipelines or [])
