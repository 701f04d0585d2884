"""Portal resources, each with the customer's portal key."""
from hsapi.base import BaseClient


class ContactsClient(BaseClient):
    def by_email(self, email):
        return self._call("GET", "/contacts/v1/contact/email/%s/profile" % email)

    def recent(self, count=20):
        return self._call("GET", "/contacts/v1/lists/recently_updated/contacts/recent",
                          params={"count": count})


class CompaniesClient(BaseClient):
    def get(self, company_id):
        return self._call("GET", "/companies/v2/companies/%s" % company_id)

    def update(self, company_id, properties):
        body = {"properties": [{"name": k, "value": v} for k, v in sorted(properties.items())]}
        return self._call("PUT", "/companies/v2/companies/%s" % company_id, body=body)


class DealsClient(BaseClient):
    def create(self, name, amount, company_id=None):
        body = {"properties": [{"name": "dealname", "value": name}, {"name": "amount", "value": str(amount)}]}
        if company_id:
            body["associations"] = {"associatedCompanyIds": [company_id]}
        return self._call("POST", "/deals/v1/deal", body=body)


class Portal(object):
    """One object per customer portal, one client per resource."""

    def __init__(self, api_key):
        self.contacts = ContactsClient(api_key)
        self.companies = CompaniesClient(api_key)
        self.deals = DealsClient(api_key)
