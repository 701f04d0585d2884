"""Companies (v2), owners (v2) and the v3 objects API."""
from .base import BaseClient


class CompaniesClient(BaseClient):
    def paged(self):
        offset = 0
        while True:
            page = self._get("/companies/v2/companies/paged", limit=250, offset=offset,
                             properties="name")
            for company in page["companies"]:
                yield company
            if not page["has-more"]:
                break
            offset = page["offset"]


class OwnersClient(BaseClient):
    def all(self):
        return self._get("/owners/v2/owners")


class ObjectsClient(BaseClient):
    def __init__(self, api_key, object_type, **kwargs):
        super(ObjectsClient, self).__init__(api_key, **kwargs)
        self.object_type = object_type

    def iterate(self):
        after = None
        while True:
            params = {"limit": 100}
            if after:
                params["after"] = after
            page = self._get("/crm/v3/objects/%s" % self.object_type, **params)
            for row in page.get("results", []):
                yield row
            after = page.get("paging", {}).get("next", {}).get("after")
            if not after:
                break
