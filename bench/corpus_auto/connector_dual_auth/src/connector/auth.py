import os


class Credentials(object):
    """Either an OAuth access token (installed app) or a legacy portal API key."""

    def __init__(self, access_token=None, api_key=None):
        self.access_token = access_token
        self.api_key = api_key

    @classmethod
    def from_env(cls):
        return cls(access_token=os.environ.get("HUBSPOT_OAUTH_TOKEN"),
                   api_key=os.environ.get("HUBSPOT_API_KEY"))

    @property
    def is_oauth(self):
        return bool(self.access_token)
