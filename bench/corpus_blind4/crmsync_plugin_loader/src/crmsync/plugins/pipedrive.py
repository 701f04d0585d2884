"""Pipedrive source plugin: Pipedrive takes its token as ?api_token=."""
import json
import os
from urllib.parse import urlencode
from urllib.request import urlopen


class Client:
    name = "pipedrive"

    def __init__(self, api_token, domain):
        self.api_token = api_token
        self.base = "https://%s.pipedrive.example/api/v1" % domain

    @classmethod
    def from_config(cls, conf):
        return cls(os.environ[conf["token_env"]], conf["domain"])

    def _get(self, path, **params):
        params["api_token"] = self.api_token
        with urlopen("%s%s?%s" % (self.base, path, urlencode(params))) as resp:
            return json.loads(resp.read().decode())

    def people(self, start=0, limit=100):
        while True:
            page = self._get("/persons", start=start, limit=limit)
            for p in page.get("data") or []:
                yield {"email": (p.get("email") or [{}])[0].get("value"),
                       "first_name": p.get("first_name"), "last_name": p.get("last_name")}
            more = (page.get("additional_data") or {}).get("pagination", {})
            if not more.get("more_items_in_collection"):
                return
            start = more["next_start"]

    def organizations(self):
        return [{"name": o["name"], "domain": o.get("domain", "")}
                for o in self._get("/organizations").get("data") or []]
