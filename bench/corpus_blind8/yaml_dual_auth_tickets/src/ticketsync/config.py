"""Settings: config.yaml with ${VAR} expansion, then a .env file for local runs."""
import os

import attr
import yaml


def load_dotenv(path=".env"):
    if not os.path.exists(path):
        return
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            name, _, value = line.partition("=")
            os.environ.setdefault(name.strip(), value.strip().strip('"'))


def _blank(value):
    return None if not value or value.startswith("${") else value


@attr.s(frozen=True)
class Settings(object):
    hubspot_api_key = attr.ib(default=None, converter=_blank)
    hubspot_oauth_token = attr.ib(default=None, converter=_blank)
    pipeline = attr.ib(default="0")
    helpdesk_url = attr.ib(default="")
    helpdesk_token = attr.ib(default=None, converter=_blank)

    @property
    def uses_oauth(self):
        return bool(self.hubspot_oauth_token)


def load(path="config.yaml"):
    load_dotenv()
    with open(path) as f:
        raw = os.path.expandvars(f.read())
    data = yaml.safe_load(raw)
    hs, desk = data.get("hubspot", {}), data.get("helpdesk", {})
    return Settings(
        hubspot_api_key=hs.get("api_key"),
        hubspot_oauth_token=hs.get("oauth_token"),
        pipeline=str(hs.get("pipeline", "0")),
        helpdesk_url=desk.get("url", ""),
        helpdesk_token=desk.get("token"),
    )
