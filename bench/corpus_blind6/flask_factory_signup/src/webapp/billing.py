import requests
from flask import current_app


def create_customer(email):
    response = requests.post("https://api.stripe.com/v1/customers", data={"email": email},
                             auth=(current_app.config["STRIPE_SECRET_KEY"], ""), timeout=10)
    return response.json().get("id")
