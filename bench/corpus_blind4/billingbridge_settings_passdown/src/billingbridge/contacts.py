"""Contacts for invoice customers (contacts v1) and a cleanup helper."""


class ContactService(object):
    def __init__(self, api):
        self.api = api

    def by_email(self, email):
        return self.api.get("/contacts/v1/contact/email/%s/profile" % email, params={"propertyMode": "value_only"})

    def remove(self, vid):
        return self.api.delete("/contacts/v1/contact/vid/%s" % vid)
