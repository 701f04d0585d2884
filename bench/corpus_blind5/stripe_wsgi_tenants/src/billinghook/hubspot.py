"""Per-tenant HubSpot access: OAuth header or the tenant's portal key."""
from billinghook.http import fetch_json

HUBAPI = "https://api.hubapi.com"


class TenantHubSpot(object):
    auth_param = "hapikey"

    def __init__(self, tenant):
        self.tenant = tenant

    def _auth(self):
        if self.tenant["auth_mode"] == "oauth":
            return {"headers": {"Authorization": "Bearer " + self.tenant["oauth_token"]}}
        return {"params": {self.auth_param: self.tenant["hubspot_key"]}}

    def call(self, path, method="GET", params=None, body=None):
        auth = self._auth()
        return fetch_json(
            HUBAPI + path,
            method=method,
            params={**(params or {}), **auth.get("params", {})},
            headers=auth.get("headers"),
            body=body,
        )

    def contact_by_email(self, email):
        return self.call("/contacts/v1/contact/email/%s/profile" % email, params={"property": "email"})

    def create_paid_deal(self, vid, amount, name):
        body = {
            "associations": {"associatedVids": [vid]},
            "properties": [
                {"name": "dealname", "value": name},
                {"name": "amount", "value": "%.2f" % amount},
                {"name": "pipeline", "value": self.tenant["pipeline"]},
                {"name": "dealstage", "value": "closedwon"},
            ],
        }
        return self.call("/deals/v1/deal", method="POST", body=body)
