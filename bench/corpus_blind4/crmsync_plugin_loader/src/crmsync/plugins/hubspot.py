"""HubSpot target plugin (contacts v1 batch + companies v2)."""
import json
import os
from urllib.parse import urlencode
from urllib.request import Request, urlopen

BASE = "https://api.hubapi.com"


class Client:
    name = "hubspot"

    def __init__(self, api_key):
        self.api_key = api_key

    @classmethod
    def from_config(cls, conf):
        return cls(os.environ[conf.get("key_env", "HUBSPOT_API_KEY")])

    def _open(self, path, query=None, payload=None, method=None):
        qs = urlencode(dict(query or {}, hapikey=self.api_key))
        data = None if payload is None else json.dumps(payload).encode()
        req = Request("%s%s?%s" % (BASE, path, qs), data=data, method=method)
        req.add_header("Content-Type", "application/json")
        with urlopen(req) as resp:
            body = resp.read()
        return json.loads(body.decode()) if body else None

    def upsert_people(self, people):
        batch = [{"email": p["email"], "properties": [
            {"property": "firstname", "value": p.get("first_name", "")},
            {"property": "lastname", "value": p.get("last_name", "")},
        ]} for p in people]
        self._open("/contacts/v1/contact/batch/", payload=batch, method="POST")
        return len(batch)

    def upsert_org(self, org):
        found = self._open("/companies/v2/domains/%s/companies" % org["domain"],
                           payload={"limit": 1, "requestOptions": {"properties": ["domain"]}}, method="POST")
        if found and found.get("results"):
            return found["results"][0]["companyId"]
        made = self._open("/companies/v2/companies", payload={"properties": [
            {"name": "name", "value": org["name"]}, {"name": "domain", "value": org["domain"]}]}, method="POST")
        return made.get("companyId")
