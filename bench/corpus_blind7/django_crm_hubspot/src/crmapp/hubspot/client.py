import json
import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class HubSpotError(Exception):
    pass


class HubSpotClient(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, timeout=10):
        self.api_key = api_key or settings.HUBSPOT_KEY
        self.timeout = timeout

    def _params(self):
        return {"hapikey": self.api_key}

    def _check(self, response):
        if response.status_code >= 400:
            logger.error("HubSpot error %s on %s", response.status_code, response.request.path_url.split("?")[0])
            raise HubSpotError(response.status_code)
        return response.json() if response.content else None

    def get_contact_by_email(self, email):
        url = "%s/contacts/v1/contact/email/%s/profile" % (self.base_url, email)
        response = requests.get(url, params=self._params(), timeout=self.timeout)
        if response.status_code == 404:
            return None
        return self._check(response)

    def create_or_update_contact(self, email, properties):
        url = "%s/contacts/v1/contact/createOrUpdate/email/%s/" % (self.base_url, email)
        data = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
        response = requests.post(
            url,
            params=self._params(),
            data=json.dumps(data),
            headers={"Content-Type": "application/json"},
            timeout=self.timeout,
        )
        return self._check(response)

    def owners(self, include_inactive=False):
        params = dict(self._params(), includeInactive=str(include_inactive).lower())
        response = requests.get(self.base_url + "/owners/v2/owners", params=params, timeout=self.timeout)
        return self._check(response)

    def add_note(self, vid, owner_id, body):
        payload = {
            "engagement": {"active": True, "ownerId": owner_id, "type": "NOTE"},
            "associations": {"contactIds": [vid]},
            "metadata": {"body": body},
        }
        response = requests.post(
            self.base_url + "/engagements/v1/engagements",
            params=self._params(),
            json=payload,
            timeout=self.timeout,
        )
        return self._check(response)

    def set_owner(self, vid, owner_id):
        return self.create_or_update_contact_vid(vid, {"hubspot_owner_id": owner_id})

    def create_or_update_contact_vid(self, vid, properties):
        url = self.base_url + "/contacts/v1/contact/vid/%d/profile" % vid
        body = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
        response = requests.post(url, params=self._params(), json=body, timeout=self.timeout)
        return self._check(response)
