import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


class HubSpotError(Exception):
    pass


class HubSpotClient:
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, timeout=15):
        self.api_key = api_key or settings.HUBSPOT_KEY
        self.timeout = timeout
        self.session = requests.Session()

    def _url(self, path):
        return f"{self.base_url}{path}"

    def _params(self, extra=None):
        params = {"hapikey": self.api_key}
        if extra:
            params.update(extra)
        return params

    def _check(self, response):
        if response.status_code >= 400:
            logger.error("HubSpot %s: %s", response.status_code, response.text[:200])
            raise HubSpotError(response.status_code)
        return response.json() if response.content else None

    def get_contact_by_email(self, email):
        r = self.session.get(
            self._url(f"/contacts/v1/contact/email/{email}/profile"),
            params=self._params({"propertyMode": "value_only"}),
            timeout=self.timeout,
        )
        if r.status_code == 404:
            return None
        return self._check(r)

    def create_or_update(self, email, properties):
        payload = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
        r = self.session.post(
            self._url(f"/contacts/v1/contact/createOrUpdate/email/{email}/"),
            params=self._params(),
            json=payload,
            timeout=self.timeout,
        )
        return self._check(r)

    def add_to_list(self, list_id, vids):
        r = self.session.post(
            self._url(f"/contacts/v1/lists/{list_id}/add"),
            params=self._params(),
            json={"vids": list(vids)},
            timeout=self.timeout,
        )
        return self._check(r)

    def owners(self):
        r = self.session.get(self._url("/owners/v2/owners"), params=self._params(), timeout=self.timeout)
        return self._check(r) or []

    def assign_owner(self, vid, owner_id):
        return self.session.post(
            self._url(f"/contacts/v1/contact/vid/{vid}/profile"),
            params=self._params(),
            json={"properties": [{"property": "hubspot_owner_id", "value": str(owner_id)}]},
            timeout=self.timeout,
        ).status_code
