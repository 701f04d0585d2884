import requests
from flask import current_app, session
from hubspot import HubSpot
from hubspot.crm.contacts import ApiClient, BasicApi, Configuration, SimplePublicObjectInput

FORMS_URL = "https://api.hsforms.com/submissions/v3/integration/submit/{portal}/{form}"


def api():
    """The logged-in customer's own portal (OAuth) or ours (API key)."""
    token = session.get("hubspot_token")
    if token:
        return HubSpot(access_token=token)
    return HubSpot(api_key=current_app.config["HUBSPOT_API_KEY"])


def contacts_basic_api(api_key=None):
    configuration = Configuration()
    configuration.api_key["hapikey"] = api_key or current_app.config["HUBSPOT_API_KEY"]
    return BasicApi(ApiClient(configuration=configuration))


def submit_signup_form(fields, hutk=None, page_uri=None):
    cfg = current_app.config
    body = {"fields": [{"name": k, "value": v} for k, v in fields.items()],
            "context": {"pageUri": page_uri or "https://app.example.com/signup"}}
    if hutk:
        body["context"]["hutk"] = hutk
    url = FORMS_URL.format(portal=cfg["HUBSPOT_PORTAL_ID"], form=cfg["HUBSPOT_SIGNUP_FORM"])
    r = requests.post(url, json=body, timeout=10)
    return r.status_code == 200


def create_contact(email, **props):
    props["email"] = email
    obj = SimplePublicObjectInput(properties=props)
    return api().crm.contacts.basic_api.create(simple_public_object_input=obj)


def verify_captcha(token):
    r = requests.post("https://www.google.com/recaptcha/api/siteverify",
                      data={"secret": current_app.config["RECAPTCHA_SECRET"], "response": token})
    return r.json().get("success", False)
