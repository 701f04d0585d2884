# Posts the list of active HubSpot users to #sales-ops every Monday.
# quick & dirty, runs on the office raspberry pi
from __future__ import print_function

import json

import requests

HAPIKEY = "d4c1b2a3-9e8f-4a7b-8c6d-5e4f3a2b1c0d"
SLACK_HOOK = "https://hooks.slack.com/services/T0001/B0002/ownersreport"


def get_owners():
    url = "https://api.hubapi.com/owners/v2/owners/?hapikey=%s" % HAPIKEY
    r = requests.get(url)
    return r.json()


def main():
    owners = get_owners()
    active = [o for o in owners if o.get("isActive", True)]
    lines = ["*HubSpot users (%d active)*" % len(active)]
    for o in sorted(active, key=lambda o: o.get("lastName") or ""):
        lines.append("- %s %s <%s>" % (o.get("firstName"), o.get("lastName"), o.get("email")))
    requests.post(SLACK_HOOK, data=json.dumps({"text": "\n".join(lines)}),
                  headers={"Content-Type": "application/json"})
    print("posted %d owners" % len(active))


if __name__ == "__main__":
    main()
