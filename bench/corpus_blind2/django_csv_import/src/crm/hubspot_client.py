import json
import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

CONTACTS_BATCH_URL = "https://api.hubapi.com/contacts/v1/contact/batch/"
LIST_ADD_URL = "https://api.hubapi.com/contacts/v1/lists/{list_id}/add"
CONTACT_BY_EMAIL_URL = "https://api.hubapi.com/contacts/v1/contact/email/{email}/profile"


class HubSpotError(Exception):
    pass


class ContactImporter(object):
    def __init__(self, api_key=None, batch_size=None):
        self.api_key = api_key or settings.HUBSPOT_API_KEY
        self.batch_size = batch_size or settings.HUBSPOT_BATCH_SIZE

    def _post(self, url, payload):
        response = requests.post(
            url,
            params={"hapikey": self.api_key},
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code >= 400:
            raise HubSpotError("%s: %s" % (response.status_code, response.text[:200]))
        return response

    def upsert(self, rows):
        sent = 0
        for i in range(0, len(rows), self.batch_size):
            chunk = rows[i:i + self.batch_size]
            payload = [
                {
                    "email": row["email"],
                    "properties": [
                        {"property": k, "value": v}
                        for k, v in row.items()
                        if k != "email" and v
                    ],
                }
                for row in chunk
            ]
            self._post(CONTACTS_BATCH_URL, payload)
            sent += len(chunk)
            logger.info("upserted %d contacts", sent)
        return sent

    def add_to_list(self, list_id, emails):
        return self._post(LIST_ADD_URL.format(list_id=list_id), {"emails": list(emails)})

    def exists(self, email):
        url = CONTACT_BY_EMAIL_URL.format(email=email) + "?hapikey=" + self.api_key
        return requests.get(url).status_code == 200
