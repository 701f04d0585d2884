"""Per-resource clients for a customer portal (portal API key)."""
from .base import BaseClient


class ContactsClient(BaseClient):
    def by_email(self, email):
        return self.get("/contacts/v1/contact/email/%s/profile" % email, propertyMode="value_only")

    def recent(self, count=20):
        return self.get("/contacts/v1/lists/recently_updated/contacts/recent", count=count)


class CompaniesClient(BaseClient):
    def all(self, limit=2):
        offset = 0
        out = []
        while True:
            page = self.get("/companies/v2/companies/paged", limit=limit, offset=offset,
                            properties="name")
            out.extend(page.get("companies", []))
            if not page.get("has-more"):
                return out
            offset = page["offset"]


class DealsClient(BaseClient):
    def create(self, name, stage, amount):
        props = [{"name": "dealname", "value": name}, {"name": "dealstage", "value": stage},
                 {"name": "amount", "value": str(amount)}]
        return self.post("/deals/v1/deal", {"properties": props})

    def remove(self, deal_id):
        return self.delete("/deals/v1/deal/%s" % deal_id)


class Portal(object):
    """One object per customer portal, one client per resource."""

    def __init__(self, hapikey):
        self.contacts = ContactsClient(hapikey)
        self.companies = CompaniesClient(hapikey)
        self.deals = DealsClient(hapikey)
