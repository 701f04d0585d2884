import requests

API = "https://api.hubapi.com"


def recent_deals(api_key, since_ms, count=100):
    deals, offset = [], 0
    while True:
        r = requests.get(API + "/deals/v1/deal/recent/created",
                         params={"hapikey": api_key, "since": since_ms,
                                 "count": count, "offset": offset})
        r.raise_for_status()
        data = r.json()
        deals += data["results"]
        if not data["hasMore"]:
            return deals
        offset = data["offset"]


def contact_count(api_key):
    r = requests.get(API + "/contacts/v1/contacts/statistics?hapikey=%s" % api_key)
    r.raise_for_status()
    return r.json()["contacts"]


def add_note(api_key, deal_id, text):
    r = requests.post(
        API + "/engagements/v1/engagements",
        params={"hapikey": api_key},
        json={"engagement": {"type": "NOTE"}, "associations": {"dealIds": [deal_id]},
              "metadata": {"body": text}},
    )
    return r.status_code
