"""Calls on the customer's portal, with its portal key."""
from hsapp import config
from hsapp.http import HubSpotBase


class PortalClient(HubSpotBase):
    def __init__(self, api_key=None):
        super().__init__(api_key or config.PORTAL_API_KEY)


class Contacts(PortalClient):
    def by_vid(self, vid):
        return self.call("GET", "/contacts/v1/contact/vid/%s/profile" % vid)

    def add_to_list(self, list_id, vids):
        return self.call("POST", "/contacts/v1/lists/%s/add" % list_id, body={"vids": vids})


class Properties(PortalClient):
    def ensure_contact_property(self, name, label):
        existing = {p["name"] for p in self.call("GET", "/properties/v1/contacts/properties")}
        if name in existing:
            return False
        self.call("POST", "/properties/v1/contacts/properties", body={
            "name": name, "label": label, "groupName": "contactinformation",
            "type": "string", "fieldType": "text"})
        return True
