"""HubSpot client supporting both auth modes: OAuth access token or API key."""
import logging

import requests

log = logging.getLogger(__name__)

API_BASE = "https://api.hubapi.com"
FORMS_BASE = "https://forms.hubspot.com/uploads/form/v2"


class HubSpot(object):
    def __init__(self, conf):
        auth = conf["auth"]
        self.portal_id = conf["portal_id"]
        self.forms = conf.get("forms", {})
        self.mode = auth.get("mode", "apikey")
        self.token = auth.get("access_token")
        self.api_key = auth.get("api_key")

    def _auth(self, params, headers):
        if self.mode == "oauth":
            headers["Authorization"] = "Bearer %s" % self.token
        else:
            params["hapikey"] = self.api_key

    def _get(self, path, **params):
        headers = {"Accept": "application/json"}
        self._auth(params, headers)
        resp = requests.get(API_BASE + path, params=params, headers=headers)
        resp.raise_for_status()
        return resp.json()

    def contact_properties(self):
        return self._get("/properties/v1/contacts/properties")

    def create_property(self, name, label, group="formsync"):
        headers = {}
        params = {}
        self._auth(params, headers)
        body = {"name": name, "label": label, "groupName": group,
                "type": "string", "fieldType": "text"}
        resp = requests.post(API_BASE + "/properties/v1/contacts/properties",
                             params=params, headers=headers, json=body)
        resp.raise_for_status()
        return resp.json()

    def form_definitions(self):
        return self._get("/forms/v2/forms")

    def submit(self, form_name, fields, context=None):
        """Form submissions need no auth; historically we sent the key anyway."""
        url = "%s/%s/%s" % (FORMS_BASE, self.portal_id, self.forms[form_name])
        data = dict(fields)
        if context:
            import json
            data["hs_context"] = json.dumps(context, sort_keys=True)
        params = {}
        if self.mode != "oauth":
            params["hapikey"] = self.api_key
        resp = requests.post(url, data=data, params=params)
        return resp.status_code in (200, 204, 302)
