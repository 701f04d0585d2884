"""A pooled session for HubSpot: key and JSON headers set once."""
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from bridge import settings

session = requests.Session()
session.params = {"hapikey": settings.HUBSPOT_KEY}
session.headers.update({"Accept": "application/json"})
session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5,
                                                         status_forcelist=[429, 502, 503])))
