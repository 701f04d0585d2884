import os

from billinghook.http import fetch_json

STRIPE = "https://api.stripe.com/v1"


def customer(customer_id, account=None):
    headers = {"Authorization": "Bearer " + os.environ["STRIPE_SECRET_KEY"]}
    if account:
        headers["Stripe-Account"] = account
    return fetch_json("%s/customers/%s" % (STRIPE, customer_id), headers=headers)
