"""Settings as a frozen dataclass, built by a factory from the environment."""
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    hubspot_api_key: str
    mailchimp_key: str = ""
    mailchimp_dc: str = "us6"
    mailchimp_list: str = ""
    subscription_ids: tuple = field(default_factory=tuple)


def from_env(environ=None):
    env = os.environ if environ is None else environ
    return Settings(
        hubspot_api_key=env["HUBSPOT_API_KEY"],
        mailchimp_key=env.get("MAILCHIMP_API_KEY", ""),
        mailchimp_dc=env.get("MAILCHIMP_DC", "us6"),
        mailchimp_list=env.get("MAILCHIMP_LIST_ID", ""),
        subscription_ids=tuple(int(x) for x in env.get("HUBSPOT_SUBSCRIPTION_IDS", "").split(",") if x),
    )
