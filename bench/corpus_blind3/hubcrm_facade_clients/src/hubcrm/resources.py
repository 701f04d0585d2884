from hubcrm.base import BaseClient


class ContactsClient(BaseClient):
    path_prefix = "/contacts/v1"

    def get_by_email(self, email):
        return self._get("/contact/email/%s/profile" % email, propertyMode="value_only")

    def recent(self, count=20):
        return self._get("/lists/recently_updated/contacts/recent", count=count).get("contacts", [])


class CompaniesClient(BaseClient):
    path_prefix = "/companies/v2"

    def all(self):
        offset, out = 0, []
        while True:
            page = self._get("/companies/paged", offset=offset, properties="name")
            out += page.get("companies", [])
            if not page.get("has-more"):
                return out
            offset = page["offset"]

    def contacts_of(self, company_id):
        return self._get("/companies/%s/vids" % company_id).get("vids", [])


class OwnersClient(BaseClient):
    path_prefix = "/owners/v2"

    def list(self):
        return self._get("/owners")


class WebhooksClient(BaseClient):
    """App-level webhook settings: these take the *developer* key."""

    def __init__(self, developer_key, app_id, **kwargs):
        super(WebhooksClient, self).__init__(developer_key, **kwargs)
        self.path_prefix = "/webhooks/v1/%s" % app_id

    def subscriptions(self):
        return self._get("/subscriptions")

    def subscribe(self, event_type, property_name=None):
        body = {"subscriptionDetails": {"subscriptionType": event_type}, "enabled": True}
        if property_name:
            body["subscriptionDetails"]["propertyName"] = property_name
        return self._post("/subscriptions", body)
