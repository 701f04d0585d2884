import logging

import requests
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from dealexport.config import CONTACT_BY_VID, DEAL_ASSOCIATIONS, DEALS_PAGED, Endpoint, ExportConfig

log = logging.getLogger(__name__)


class TransientError(Exception):
    pass


class DealsClient:
    def __init__(self, config: ExportConfig):
        self.config = config
        self.session = requests.Session()

    @retry(stop=stop_after_attempt(4), wait=wait_exponential(multiplier=1, max=30),
           retry=retry_if_exception_type(TransientError), reraise=True)
    def _send(self, endpoint: Endpoint, params=None, **path_args):
        query = {"hapikey": self.config.api_key, **(params or {})}
        url = self.config.base_url + endpoint.path.format(**path_args)
        response = self.session.request(endpoint.method, url, params=query, timeout=30)
        if response.status_code in (429, 502, 503):
            raise TransientError(response.status_code)
        response.raise_for_status()
        return response.json()

    def deals(self):
        offset = 0
        while True:
            page = self._send(DEALS_PAGED, {"limit": self.config.page_size, "offset": offset,
                                            "properties": list(self.config.properties)})
            yield from page["deals"]
            if not page["hasMore"]:
                return
            offset = page["offset"]

    def deal_contacts(self, deal_id):
        return self._send(DEAL_ASSOCIATIONS, deal_id=deal_id).get("results", [])

    def contact_email(self, vid):
        data = self._send(CONTACT_BY_VID, {"property": "email"}, vid=vid)
        return data.get("properties", {}).get("email", {}).get("value")
