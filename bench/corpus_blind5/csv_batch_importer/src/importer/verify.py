"""Email verification before import (ZeroBounce); its own api_key in the query."""
import os

import requests

ZB_URL = "https://api.zerobounce.net/v2/validate"


def deliverable(email):
    key = os.environ.get("ZEROBOUNCE_API_KEY")
    if not key:
        return True
    resp = requests.get(ZB_URL, params={"api_key": key, "email": email}, timeout=10)
    return resp.json().get("status") in ("valid", "catch-all")
