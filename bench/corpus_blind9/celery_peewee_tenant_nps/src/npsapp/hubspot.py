import requests

BASE = "https://api.hubapi.com"


class HubSpotSession(requests.Session):
    """A session bound to one portal; relative URLs go to the HubSpot API."""

    def __init__(self, api_key=None, access_token=None):
        super(HubSpotSession, self).__init__()
        self.api_key = api_key
        if access_token:
            self.headers["Authorization"] = "Bearer %s" % access_token

    def request(self, method, url, params=None, **kwargs):
        params = dict(params or {})
        if self.api_key:
            params["hapikey"] = self.api_key
        if url.startswith("/"):
            url = BASE + url
        kwargs.setdefault("timeout", 20)
        return super(HubSpotSession, self).request(method, url, params=params, **kwargs)

    @classmethod
    def for_account(cls, account):
        return cls(api_key=account.hubspot_api_key, access_token=account.hubspot_access_token)


def ensure_property(hs, name, label):
    r = hs.get("/properties/v1/contacts/properties/named/%s" % name)
    if r.status_code == 200:
        return False
    r = hs.post("/properties/v1/contacts/properties", json={
        "name": name, "label": label, "groupName": "contactinformation",
        "type": "number", "fieldType": "number"})
    r.raise_for_status()
    return True


def set_contact_properties(hs, email, props):
    body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    r = hs.post("/contacts/v1/contact/createOrUpdate/email/%s/" % email, json=body)
    r.raise_for_status()
    return r.json()["vid"]
