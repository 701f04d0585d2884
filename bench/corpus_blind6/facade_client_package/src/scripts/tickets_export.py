import csv
import io

from hubspot_lite import HubSpot


def export(hs=None):
    hs = hs or HubSpot()
    out = io.StringIO()
    writer = csv.writer(out)
    for ticket in hs.tickets.iterate():
        writer.writerow([ticket["id"], ticket.get("properties", {}).get("subject")])
    for contact in hs.contacts.all():
        writer.writerow(["contact", contact["vid"]])
    hs.contacts.upsert("export@example.com", {"lastexport": "today"})
    return out.getvalue()
