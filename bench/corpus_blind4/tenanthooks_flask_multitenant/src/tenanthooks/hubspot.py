"""Per-tenant HubSpot client: each portal's key comes from its database row."""
import requests

API = "https://api.hubapi.com"


class TenantClient(object):
    def __init__(self, hapikey, portal_id=None):
        self.hapikey = hapikey
        self.portal_id = portal_id

    def _get(self, path, **params):
        params["hapikey"] = self.hapikey
        return requests.get(API + path, params=params, timeout=10).json()

    def contact(self, vid):
        return self._get("/contacts/v1/contact/vid/%s/profile" % vid, propertyMode="value_only")

    def deal(self, deal_id):
        return self._get("/deals/v1/deal/%s" % deal_id)

    def add_note(self, vid, text):
        url = "%s/engagements/v1/engagements?hapikey=%s" % (API, self.hapikey)
        return requests.post(url, json={
            "engagement": {"active": True, "type": "NOTE"},
            "associations": {"contactIds": [vid]},
            "metadata": {"body": text},
        }, timeout=10).json()


def client_for(row):
    return TenantClient(row["hapikey"], portal_id=row["portal_id"])
