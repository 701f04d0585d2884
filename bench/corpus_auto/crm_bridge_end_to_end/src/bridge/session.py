import requests

from bridge.settings import HUBSPOT_API_KEY

hubspot_session = requests.Session()
hubspot_session.params = {"hapikey": HUBSPOT_API_KEY}
hubspot_session.headers["Accept"] = "application/json"
