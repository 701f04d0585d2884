"""One-off calls the clients do not cover."""
import requests

API = "https://api.hubapi.com"


def call(path, key, method="GET", **params):
    params["hapikey"] = key
    r = requests.request(method, API + path, params=params, timeout=10)
    r.raise_for_status()
    return r.json() if r.content else None
