import csv
import io

from mktg.hubspot import FormsClient, HubSpotClient


def campaign_opens(app_id):
    hs = HubSpotClient()
    rows = []
    for c in hs.campaigns(limit=10):
        detail = hs.campaign(c["id"], app_id)
        opens = hs.email_events(c["id"], "OPEN")
        rows.append((c["id"], detail.get("name", ""), len(opens)))
    return rows


def forms_csv():
    fc = FormsClient()
    out = io.StringIO()
    w = csv.writer(out)
    for form in fc.forms():
        names = [f["name"] for f in fc.fields(form["guid"])]
        w.writerow([form["guid"], form["name"], ";".join(names),
                    len(fc.submissions(form["guid"]))])
    return out.getvalue()
