"""Nightly: recent contacts -> lead score, open deals -> closed won."""
import logging

from crm import contacts, deals, heartbeat

log = logging.getLogger("run_sync")


def score(contact):
    props = contact.get("properties", {})
    return 10 if "email" in props else 1


def main():
    recent = contacts.recently_updated()
    rows = []
    for c in recent:
        email = c.get("properties", {}).get("email", {}).get("value")
        if email:
            rows.append((email, {"lead_score": str(score(c))}))
    contacts.batch_update(rows)
    open_ids = [d["id"] for d in deals.all_deals() if d["properties"].get("dealstage") == "contractsent"]
    if open_ids:
        checked = deals.read_deals(open_ids)
        deals.close_won([d["id"] for d in checked])
    heartbeat.beat("hubspot-sync", len(rows))
    return len(rows), len(open_ids)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
