import os


class HubSpotConfig(object):
    """Everything the tasks need to reach HubSpot; passed around explicitly."""

    base_url = "https://api.hubapi.com"

    def __init__(self, api_key, timeout=15, default_owner=None):
        self.api_key = api_key
        self.timeout = timeout
        self.default_owner = default_owner

    @classmethod
    def from_env(cls):
        return cls(
            api_key=os.environ["HUBSPOT_API_KEY"],
            timeout=float(os.environ.get("HUBSPOT_TIMEOUT", "15")),
            default_owner=os.environ.get("HUBSPOT_DEFAULT_OWNER"),
        )
