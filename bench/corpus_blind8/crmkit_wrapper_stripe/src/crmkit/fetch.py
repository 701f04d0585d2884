"""One fetch helper for the two APIs the billing hook reads (Stripe and HubSpot)."""
import os

import requests

STRIPE = "https://api.stripe.com/v1"
HUBSPOT = "https://api.hubapi.com"


def fetch(url, params=None, auth=None):
    r = requests.get(url, params=params, auth=auth, timeout=15)
    r.raise_for_status()
    return r.json()


def stripe_customer(customer_id):
    return fetch("%s/customers/%s" % (STRIPE, customer_id), auth=(os.environ["STRIPE_SECRET_KEY"], ""))


def hubspot_company(company_id):
    return fetch("%s/companies/v2/companies/%s" % (HUBSPOT, company_id),
                 params={"hapikey": os.environ["HUBSPOT_API_KEY"]})
