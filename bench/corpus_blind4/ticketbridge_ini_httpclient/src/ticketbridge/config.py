"""Reads settings.ini; secrets are named there and read from the environment on use."""
import configparser
import os


class Config(object):
    def __init__(self, path="settings.ini"):
        self.parser = configparser.ConfigParser()
        self.parser.read(path)

    def _secret(self, section, option):
        return os.environ.get(self.parser.get(section, option))

    @property
    def hubspot_host(self):
        return self.parser.get("hubspot", "host")

    @property
    def hubspot_key(self):
        return self._secret("hubspot", "api_key_env")

    @property
    def developer_key(self):
        return self._secret("hubspot", "developer_key_env")

    @property
    def app_id(self):
        return self.parser.getint("hubspot", "app_id")

    @property
    def zendesk_host(self):
        return self.parser.get("zendesk", "host")

    @property
    def zendesk_auth(self):
        import base64
        raw = "%s/token:%s" % (self.parser.get("zendesk", "email"), self._secret("zendesk", "token_env"))
        return "Basic " + base64.b64encode(raw.encode()).decode()


CONFIG = Config()
