"""Hard bounces of a campaign, for the list clean-up."""
import argparse
import sys

import requests

sys.path.insert(0, ".")

from hsutil import API_KEY, BASE  # noqa: E402


def bounced(campaign_id, api_key=API_KEY):
    params = {"hapikey": api_key, "campaignId": campaign_id, "eventType": "BOUNCE", "limit": 1000}
    emails = []
    while True:
        data = requests.get(BASE + "/email/public/v1/events", params=params).json()
        emails += [e["recipient"] for e in data.get("events", []) if e.get("category") == "HARD_BOUNCE"]
        if not data.get("hasMore"):
            return emails
        params["offset"] = data["offset"]


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("campaign_id")
    p.add_argument("--key", default=API_KEY)
    a = p.parse_args()
    print("\n".join(bounced(a.campaign_id, a.key)))
