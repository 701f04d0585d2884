from crmtools.base import BaseClient


class ContactsClient(BaseClient):
    ENDPOINT = "contacts/v1"

    def get_by_email(self, email):
        return self._call("GET", "contact/email/%s/profile" % email)

    def update(self, vid, properties):
        data = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
        return self._call("POST", "contact/vid/%s/profile" % vid, data=data)

    def search(self, q, count=20):
        return self._call("GET", "search/query", query={"q": q, "count": count}).get("contacts", [])


class DealsClient(BaseClient):
    ENDPOINT = "deals/v1"

    def create(self, name, amount, stage="appointmentscheduled", contact_ids=()):
        data = {
            "associations": {"associatedVids": list(contact_ids)},
            "properties": [
                {"name": "dealname", "value": name},
                {"name": "amount", "value": str(amount)},
                {"name": "dealstage", "value": stage},
            ],
        }
        return self._call("POST", "deal/", data=data)

    def associate_contact(self, deal_id, vid):
        return self._call("PUT", "deal/%s/associations/CONTACT" % deal_id, query={"id": vid})


class CompaniesClient(BaseClient):
    ENDPOINT = "companies/v2"

    def add_contact(self, company_id, vid):
        return self._call("PUT", "companies/%s/contacts/%s" % (company_id, vid))

    def by_domain(self, domain):
        data = {"limit": 2, "requestOptions": {"properties": ["domain", "name"]},
                "offset": {"isPrimary": True, "companyId": 0}}
        return self._call("POST", "domains/%s/companies" % domain, data=data).get("results", [])


class TimelineClient(BaseClient):
    """Timeline event types belong to our app: authenticated with the developer key."""

    def __init__(self, developer_key, app_id, **kwargs):
        super(TimelineClient, self).__init__(developer_key, **kwargs)
        self.app_id = app_id
        self.ENDPOINT = "integrations/v1/%s/timeline" % app_id

    def event_types(self):
        return self._call("GET", "event-types")

    def create_event_type(self, name, object_type="CONTACT"):
        return self._call("POST", "event-types", data={
            "applicationId": self.app_id, "name": name, "objectType": object_type})
