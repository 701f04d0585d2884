import csv

from hs_export import settings
from hs_export.enrich import enrich_row


def _value(obj, prop):
    return (obj.get("properties", {}).get(prop) or {}).get("value", "")


def export_contacts(api, out, enrich=False):
    props = list(settings.CONTACT_PROPERTIES)
    fields = ["vid"] + props + (["title"] if enrich else [])
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    n = 0
    for contact in api.all_contacts(props):
        row = {"vid": contact["vid"]}
        row.update({p: _value(contact, p) for p in props})
        if enrich:
            row = enrich_row(api, row)
        writer.writerow(row)
        n += 1
    return n


def export_companies(api, out):
    owners = {str(o["ownerId"]): o.get("email") for o in api.owners()}
    writer = csv.writer(out)
    writer.writerow(["companyId", "name", "domain", "owner"])
    n = 0
    for c in api.all_companies(["name", "domain", "hubspot_owner_id"]):
        writer.writerow([c["companyId"], _value(c, "name"), _value(c, "domain"),
                         owners.get(_value(c, "hubspot_owner_id"), "")])
        n += 1
    return n
