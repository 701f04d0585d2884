import requests

API = "https://api.hubapi.com"


class HubSpot(object):
    """Either mode: OAuth token (new installs) or the portal API key (old ones)."""

    def __init__(self, settings):
        self.settings = settings
        self.session = requests.Session()
        if settings.uses_oauth:
            self.session.headers["Authorization"] = "Bearer " + settings.hubspot_oauth_token
            self.auth_params = {}
        else:
            self.auth_params = {"hapikey": settings.hubspot_api_key}

    def _get(self, path, **params):
        r = self.session.get(API + path, params={**self.auth_params, **params}, timeout=15)
        r.raise_for_status()
        return r.json()

    def _post(self, path, body):
        r = self.session.post(API + path, params=self.auth_params, json=body, timeout=15)
        r.raise_for_status()
        return r.json()

    def tickets(self, limit=50):
        after = None
        while True:
            params = {"limit": limit, "properties": "subject,hs_pipeline_stage,external_id"}
            if after:
                params["after"] = after
            page = self._get("/crm/v3/objects/tickets", **params)
            yield from page["results"]
            after = page.get("paging", {}).get("next", {}).get("after")
            if not after:
                return

    def create_ticket(self, subject, external_id, stage="1"):
        props = {"subject": subject, "external_id": external_id,
                 "hs_pipeline": self.settings.pipeline, "hs_pipeline_stage": stage}
        return self._post("/crm/v3/objects/tickets", {"properties": props})["id"]

    def owners(self):
        return self._get("/owners/v2/owners")
