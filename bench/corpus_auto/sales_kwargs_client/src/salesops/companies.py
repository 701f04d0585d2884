import requests

from salesops.base import BaseClient


class Companies(BaseClient):
    def by_domain(self, domain):
        r = requests.post(
            self.API + "/companies/v2/domains/%s/companies" % domain,
            params=self.params,
            json={"limit": 2, "requestOptions": {"properties": ["domain", "name"]}},
        )
        r.raise_for_status()
        return r.json()["results"]

    def update(self, company_id, **props):
        body = {"properties": [{"name": k, "value": v} for k, v in sorted(props.items())]}
        r = requests.put(self.API + "/companies/v2/companies/%s" % company_id,
                         params=self.params, json=body)
        r.raise_for_status()
        return r.json()
