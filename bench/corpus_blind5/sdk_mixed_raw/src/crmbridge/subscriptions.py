"""Email subscription status (v1 email API) and the Mailchimp mirror."""
import hashlib

import requests
from hubspot import HubSpot

from crmbridge.settings import from_env


class SubscriptionService:
    def __init__(self, settings=None):
        self.settings = settings or from_env()
        self.sdk = HubSpot(api_key=self.settings.hubspot_api_key)

    def _hs_params(self, **extra):
        return dict(hapikey=self.settings.hubspot_api_key, **extra)

    def status(self, email):
        resp = requests.get(
            "https://api.hubapi.com/email/public/v1/subscriptions/%s" % email,
            params=self._hs_params(),
        )
        resp.raise_for_status()
        return resp.json().get("subscribed", False)

    def unsubscribe(self, email):
        requests.put(
            "https://api.hubapi.com/email/public/v1/subscriptions/%s" % email,
            params=self._hs_params(),
            json={"unsubscribeFromAll": True},
        ).raise_for_status()
        self._mailchimp_unsubscribe(email)
        page = self.sdk.crm.contacts.search_api.do_search(
            public_object_search_request={"filterGroups": [{"filters": [
                {"propertyName": "email", "operator": "EQ", "value": email}]}]}
        )
        return page

    def _mailchimp_unsubscribe(self, email):
        s = self.settings
        if not s.mailchimp_key:
            return
        member = hashlib.md5(email.lower().encode()).hexdigest()
        url = "https://%s.api.mailchimp.com/3.0/lists/%s/members/%s" % (s.mailchimp_dc, s.mailchimp_list, member)
        requests.patch(url, auth=("crmbridge", s.mailchimp_key), json={"status": "unsubscribed"}).raise_for_status()
