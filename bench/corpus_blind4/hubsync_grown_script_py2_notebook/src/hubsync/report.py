"""Summary printed by the weekly job, and the CSV the sales team opens."""
import csv
import io

from hubsync import api


def deal_totals():
    totals = {}
    for d in api.all_deals(page=2):
        name = d.get("properties", {}).get("dealname", {}).get("value", "")
        amount = float(d.get("properties", {}).get("amount", {}).get("value") or 0)
        totals[name] = totals.get(name, 0) + amount
    return totals


def contact_csv(vids, client_key=None):
    fetch = api.make_getter("/contacts/v1/contact/vid/{id}/profile", key=client_key) if client_key else api.get_contact
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["vid", "email"])
    for vid in vids:
        c = fetch(vid, propertyMode="value_only")
        w.writerow([vid, c.get("properties", {}).get("email", {}).get("value", "")])
    return out.getvalue()


def property_names():
    return sorted(p["name"] for p in api.contact_properties())


if __name__ == "__main__":
    print(deal_totals())
