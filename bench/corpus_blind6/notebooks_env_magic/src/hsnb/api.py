import requests

HUBSPOT = "https://api.hubapi.com"


def fetch_all(path, api_key, results_key, **params):
    """Follows has-more/offset pages; returns every row."""
    rows = []
    params = dict(params, hapikey=api_key)
    while True:
        data = requests.get(HUBSPOT + path, params=params, timeout=30).json()
        rows.extend(data.get(results_key, []))
        if not data.get("has-more"):
            return rows
        params["offset"] = data["offset"]


def get_json(url, **params):
    return requests.get(url, params=params, timeout=30).json()
