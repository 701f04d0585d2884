"""Minimal Stripe reader: Stripe takes its secret key as a Bearer token."""
import requests


class StripeClient(object):
    def __init__(self, settings):
        self.base_url = settings.base_url
        self.headers = {"Authorization": "Bearer %s" % settings.secret_key}

    def recent_invoices(self, limit=10):
        r = requests.get(self.base_url + "/v1/invoices", params={"limit": limit, "status": "paid"}, headers=self.headers)
        return r.json().get("data", [])
