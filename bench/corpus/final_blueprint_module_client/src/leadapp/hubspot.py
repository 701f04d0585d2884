import json
import os

import requests

PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "62515")
SIGNUP_FORM = os.environ.get("HUBSPOT_SIGNUP_FORM", "0d9b6f3c-1111-4a2b-9c3d-7e8f9a0b1c2d")


class HubSpotClient(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, access_token=None, timeout=15):
        self._params = {}
        self.headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if access_token:
            self.headers["Authorization"] = "Bearer %s" % access_token
        else:
            self._params["hapikey"] = api_key or os.environ["HUBSPOT_API_KEY"]
        self.timeout = timeout

    def _url(self, path):
        return self.base_url + path

    def get(self, path, **params):
        q = self._params.copy()
        q.update(params)
        r = requests.get(self._url(path), params=q, headers=self.headers, timeout=self.timeout)
        r.raise_for_status()
        return r.json()

    def post(self, path, data):
        r = requests.post(self._url(path), params=self._params, headers=self.headers,
                          data=json.dumps(data), timeout=self.timeout)
        r.raise_for_status()
        return r.json() if r.content else None

    def upsert_contact(self, email, props):
        body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
        return self.post("/contacts/v1/contact/createOrUpdate/email/%s/" % email, body)

    def contact_by_email(self, email):
        return self.get("/contacts/v1/contact/email/%s/profile" % email, propertyMode="value_only")

    def submit_form(self, fields, hutk=None):
        """Public forms endpoint: no auth needed, but reuse our headers for the UA etc."""
        url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (PORTAL_ID, SIGNUP_FORM)
        headers = dict(self.headers, **{"Content-Type": "application/x-www-form-urlencoded"})
        data = dict(fields)
        if hutk:
            data["hs_context"] = json.dumps({"hutk": hutk})
        return requests.post(url, data=data, headers=headers, timeout=self.timeout)


def client_from_env():
    token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
    if token:
        return HubSpotClient(access_token=token)
    return HubSpotClient(os.environ.get("HUBSPOT_API_KEY"))
