import requests


def deals_for_portal(portal_key):
    response = requests.get(
        "https://api.hubapi.com/deals/v1/deal/paged",
        params={"hapikey": portal_key, "limit": 20},
    )
    return response.json().get("deals", [])
