"""Creates a test contact in the sandbox portal to fire the webhooks (portal key)."""
import requests

from hsapp.settings import TEST_PORTAL_KEY


def touch_contact(email):
    r = requests.post(
        "https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/%s/" % email,
        params={"hapikey": TEST_PORTAL_KEY},
        json={"properties": [{"property": "lifecyclestage", "value": "lead"}]},
    )
    r.raise_for_status()
    return r.json()["vid"]
