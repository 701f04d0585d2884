import json
import logging

import requests

from crmsync.conf import settings

logger = logging.getLogger(__name__)


class HubSpotError(Exception):
    pass


class HubSpotService(object):
    """Thin wrapper around the bits of the HubSpot v1 API we use."""

    base_url = settings.HUBSPOT_API_BASE
    params = {"hapikey": settings.HUBSPOT_API_KEY}
    headers = {"Content-Type": "application/json"}
    timeout = settings.HUBSPOT_TIMEOUT

    def _check(self, response):
        if response.status_code >= 400:
            logger.error("HubSpot said %s: %s", response.status_code, response.text)
            raise HubSpotError(response.text)
        if response.status_code == 204 or not response.content:
            return {}
        return response.json()

    # -- contacts ------------------------------------------------------------

    def get_contact_by_email(self, email):
        url = "%s/contacts/v1/contact/email/%s/profile" % (self.base_url, email)
        response = requests.get(url, params=self.params, timeout=self.timeout)
        if response.status_code == 404:
            return None
        return self._check(response)

    def create_or_update_contact(self, email, properties):
        url = self.base_url + "/contacts/v1/contact/createOrUpdate/email/%s/" % email
        payload = {
            "properties": [
                {"property": key, "value": value} for key, value in properties.items()
            ]
        }
        response = requests.post(
            url,
            params=self.params,
            data=json.dumps(payload),
            headers=self.headers,
            timeout=self.timeout,
        )
        return self._check(response)

    def all_contacts(self, properties=("email", "firstname", "lastname")):
        """Yields every contact in the portal, 100 at a time."""
        url = self.base_url + "/contacts/v1/lists/all/contacts/all"
        vid_offset = None
        while True:
            params = self.params.copy()
            params.update({"count": 100, "property": list(properties)})
            if vid_offset:
                params["vidOffset"] = vid_offset
            data = self._check(requests.get(url, params=params, timeout=self.timeout))
            for contact in data.get("contacts", []):
                yield contact
            if not data.get("has-more"):
                break
            vid_offset = data["vid-offset"]

    # -- deals ---------------------------------------------------------------

    def get_deal(self, deal_id):
        url = "{}/deals/v1/deal/{}".format(self.base_url, deal_id)
        params = dict(self.params, includePropertyVersions="false")
        return self._check(requests.get(url, params=params, timeout=self.timeout))

    def update_deal(self, deal_id, properties):
        url = "{}/deals/v1/deal/{}".format(self.base_url, deal_id)
        payload = {
            "properties": [{"name": k, "value": v} for k, v in properties.items()]
        }
        response = requests.put(
            url, params=self.params, json=payload, timeout=self.timeout
        )
        return self._check(response)

    def recent_deals(self, since_ms):
        url = self.base_url + "/deals/v1/deal/recent/modified"
        params = self.params.copy()
        params["since"] = since_ms
        params["count"] = 100
        data = self._check(requests.get(url, params=params, timeout=self.timeout))
        return data.get("results", [])

    # -- engagements ---------------------------------------------------------

    def log_note(self, contact_vid, body, owner_id=None):
        payload = {
            "engagement": {"active": True, "type": "NOTE"},
            "associations": {"contactIds": [contact_vid]},
            "metadata": {"body": body},
        }
        if owner_id:
            payload["engagement"]["ownerId"] = int(owner_id)
        response = requests.post(
            self.base_url + "/engagements/v1/engagements",
            params=self.params,
            json=payload,
            timeout=self.timeout,
        )
        return self._check(response)


hubspot = HubSpotService()
