class Config(object):
    """Passed to every task; built once by the entry point."""

    def __init__(self, data):
        self.api_key = data["api_key"]
        self.portal_id = data["portal_id"]
        self.base_url = data.get("base_url") or "https://api.hubapi.com"
        self.forms = data.get("forms", {})

    def url(self, path):
        return self.base_url.rstrip("/") + path

    def auth_params(self, **extra):
        extra["hapikey"] = self.api_key
        return extra
