from .base import BaseClient


class ContactsClient(BaseClient):
    def get_by_email(self, email):
        return self._get("/contacts/v1/contact/email/%s/profile" % email)

    def upsert(self, email, properties):
        data = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
        return self._post("/contacts/v1/contact/createOrUpdate/email/%s/" % email, data)

    def all(self, properties=("email",)):
        offset = None
        while True:
            params = {"count": 100, "property": list(properties)}
            if offset:
                params["vidOffset"] = offset
            page = self._get("/contacts/v1/lists/all/contacts/all", **params)
            for contact in page["contacts"]:
                yield contact
            if not page["has-more"]:
                return
            offset = page["vid-offset"]
