import requests

from app.config import config

FORMS_URL = "https://forms.hubspot.com/uploads/form/v2/{portal}/{guid}"
API = "https://api.hubapi.com"


def submit_signup(fields, hutk=None, page_url=None):
    context = {"hutk": hutk, "pageUrl": page_url}
    data = dict(fields)
    data["hs_context"] = str({k: v for k, v in context.items() if v})
    return requests.post(
        FORMS_URL.format(portal=config.HUBSPOT_PORTAL_ID, guid=config.SIGNUP_FORM_GUID),
        data=data,
    ).status_code


def contact_exists(email):
    r = requests.get(
        API + "/contacts/v1/contact/email/{}/profile".format(email),
        params={"hapikey": config.HUBSPOT_API_KEY, "property": "email"},
    )
    return r.status_code == 200


def set_plan(email, plan):
    r = requests.post(
        API + "/contacts/v1/contact/email/{}/profile".format(email),
        params=dict(hapikey=config.HUBSPOT_API_KEY),
        json={"properties": [{"property": "plan", "value": plan}]},
    )
    return r.status_code
