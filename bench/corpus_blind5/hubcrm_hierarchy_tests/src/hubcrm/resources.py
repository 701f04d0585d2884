"""One client per resource."""
from hubcrm.base import BaseClient, HubSpotAPIError


class ContactsClient(BaseClient):
    def get_by_email(self, email):
        try:
            return self._call("GET", "/contacts/v1/contact/email/%s/profile" % email)
        except HubSpotAPIError as exc:
            if exc.status == 404:
                return None
            raise

    def create_or_update(self, email, **properties):
        body = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
        return self._call("POST", "/contacts/v1/contact/createOrUpdate/email/%s/" % email, data=body)


class CompaniesClient(BaseClient):
    def by_domain(self, domain):
        body = {"limit": 2, "requestOptions": {"properties": ["domain", "name"]}}
        return self._call("POST", "/companies/v2/domains/%s/companies" % domain, data=body)

    def add_contact(self, company_id, vid):
        return self._call("PUT", "/companies/v2/companies/%s/contacts/%s" % (company_id, vid))


class DealsClient(BaseClient):
    def create(self, name, amount, vids=()):
        body = {
            "associations": {"associatedVids": list(vids)},
            "properties": [{"name": "dealname", "value": name}, {"name": "amount", "value": str(amount)}],
        }
        return self._call("POST", "/deals/v1/deal", data=body)


class OwnersClient(BaseClient):
    def by_email(self, email):
        owners = self._call("GET", "/owners/v2/owners", params={"email": email}) or []
        return owners[0] if owners else None


class PropertiesClient(BaseClient):
    def groups(self):
        return self._call("GET", "/properties/v1/contacts/groups")


class WebhooksClient(BaseClient):
    """Developer-app webhooks: construct with the DEVELOPER key, not a portal key."""

    def __init__(self, developer_key, app_id, **kw):
        super(WebhooksClient, self).__init__(developer_key, **kw)
        self.app_id = app_id

    def subscriptions(self):
        return self._call("GET", "/webhooks/v1/%s/subscriptions" % self.app_id)

    def subscribe(self, subscription_type, property_name=None):
        body = {"subscriptionDetails": {"subscriptionType": subscription_type, "propertyName": property_name},
                "enabled": True}
        return self._call("POST", "/webhooks/v1/%s/subscriptions" % self.app_id, data=body)
