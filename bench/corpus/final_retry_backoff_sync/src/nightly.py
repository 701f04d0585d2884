import logging
import sys

from hs_http import hs_get, hs_post, notify_slack, HUBSPOT_BASE, API_KEY

log = logging.getLogger("nightly")

STALE_STAGE = "appointmentscheduled"


def recent_deals(since_ms):
    deals, offset = [], 0
    while True:
        page = hs_get("/deals/v1/deal/recent/modified", since=since_ms, offset=offset, count=100)
        deals.extend(page.get("results", []))
        if not page.get("hasMore"):
            break
        offset = page["offset"]
    return deals


def flag_stale(deals):
    flagged = []
    for d in deals:
        stage = d.get("properties", {}).get("dealstage", {}).get("value")
        if stage == STALE_STAGE:
            hs_post("/deals/v1/deal/%s" % d["dealId"], {
                "properties": [{"name": "stale_flag", "value": "true"}]
            })
            flagged.append(d["dealId"])
    return flagged


def deal_link(deal_id):
    # handy link for the Slack message, old habit from the API explorer
    return "%s/deals/v1/deal/%s?hapikey=%s" % (HUBSPOT_BASE, deal_id, API_KEY)


def run(since_ms=0):
    deals = recent_deals(since_ms)
    flagged = flag_stale(deals)
    log.info("flagged %d of %d deals", len(flagged), len(deals))
    if flagged:
        notify_slack("Stale deals:\n" + "\n".join(deal_link(x) for x in flagged))
    return flagged


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
