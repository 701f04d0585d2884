"""Portal resources: contacts, companies, owners, engagements."""
from crmkit.base import BaseClient


class ContactsClient(BaseClient):
    def get(self, vid):
        return self._call("GET", "/contacts/v1/contact/vid/%d/profile" % vid)

    def all(self, page_size=100):
        offset = None
        while True:
            q = {"count": page_size, "property": ["email", "lifecyclestage"]}
            if offset is not None:
                q["vidOffset"] = offset
            page = self._call("GET", "/contacts/v1/lists/all/contacts/all", q) or {}
            for c in page.get("contacts", []):
                yield c
            if not page.get("has-more"):
                return
            offset = page.get("vid-offset")


class CompaniesClient(BaseClient):
    def by_domain(self, domain):
        body = {"limit": 2, "requestOptions": {"properties": ["domain", "name"]}}
        return self._call("POST", "/companies/v2/domains/%s/companies" % domain, body=body)


class OwnersClient(BaseClient):
    def all(self):
        return self._call("GET", "/owners/v2/owners") or []


class EngagementsClient(BaseClient):
    def log_call(self, vid, body, duration_ms):
        return self._call("POST", "/engagements/v1/engagements", body={
            "engagement": {"type": "CALL", "active": True},
            "associations": {"contactIds": [vid]},
            "metadata": {"body": body, "durationMilliseconds": duration_ms},
        })
