import os

from bridge.http import fetch_json

STRIPE = "https://api.stripe.com/v1"


def customers(limit=10):
    key = os.environ.get("STRIPE_SECRET_KEY", "")
    out, starting_after = [], None
    while True:
        params = {"limit": limit}
        if starting_after:
            params["starting_after"] = starting_after
        page = fetch_json("GET", STRIPE + "/customers", params=params, auth=(key, ""))
        out.extend(page.get("data", []))
        if not page.get("has_more"):
            return out
        starting_after = out[-1]["id"]
