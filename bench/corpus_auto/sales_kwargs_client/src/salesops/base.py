import os


class BaseClient(object):
    """Older hand-rolled client (2016); the deal code moved to client.Client later."""

    API = "https://api.hubapi.com"

    def __init__(self, api_key=None):
        self.params = {"hapikey": api_key or os.environ["HUBSPOT_API_KEY"]}
