from __future__ import annotations

import logging

import requests

from .settings import HubSpotSettings

log = logging.getLogger(__name__)


class ContactsService:
    DEFAULT_PARAMS = {"propertyMode": "value_only", "formSubmissionMode": "none"}

    def __init__(self, settings: HubSpotSettings) -> None:
        self.settings = settings

    def _params(self, **extra) -> dict:
        return {**self.DEFAULT_PARAMS, "hapikey": self.settings.api_key, **extra}

    def by_email(self, email: str) -> dict | None:
        r = requests.get(
            f"{self.settings.base_url}/contacts/v1/contact/email/{email}/profile",
            params=self._params(),
            timeout=self.settings.timeout,
        )
        return None if r.status_code == 404 else r.json()

    def company_of(self, vid: int) -> dict | None:
        r = requests.get(
            f"{self.settings.base_url}/companies/v2/companies/{vid}/contacts",
            params={"hapikey": self.settings.api_key},
            timeout=self.settings.timeout,
        )
        data = r.json()
        return data.get("companies", [None])[0] if data.get("companies") else None

    def company_logo(self, company: dict) -> bytes:
        logo = company.get("properties", {}).get("hs_logo_url", {}).get("value")
        if not logo:
            return b""
        return requests.get(logo, timeout=self.settings.timeout).content


class LeadService:
    def __init__(self, settings: HubSpotSettings) -> None:
        self.settings = settings

    def submit(self, fields: dict, hutk: str | None = None) -> int:
        url = "https://api.hsforms.com/submissions/v3/integration/submit/{}/{}".format(
            self.settings.portal_id, self.settings.lead_form)
        body = {"fields": [{"name": k, "value": v} for k, v in fields.items()]}
        if hutk:
            body["context"] = {"hutk": hutk}
        return requests.post(url, json=body, timeout=self.settings.timeout).status_code

    def timeline_note(self, vid: int, text: str, key: str | None = None) -> int:
        key = key or self.settings.api_key
        body = {"engagement": {"type": "NOTE"}, "associations": {"contactIds": [vid]},
                "metadata": {"body": text}}
        r = requests.post(self.settings.base_url + "/engagements/v1/engagements?hapikey=" + key,
                          json=body, timeout=self.settings.timeout)
        return r.status_code
