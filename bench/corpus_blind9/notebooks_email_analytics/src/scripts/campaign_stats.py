"""Per-campaign open/click rates for the last N campaigns -> Airtable."""
import sys

sys.path.insert(0, ".")

import airtable  # noqa: E402
from hsutil import APP_ID, get, paged  # noqa: E402


def campaign_rows(limit=5):
    rows = []
    for ref in paged("/email/public/v1/campaigns/by-id", "campaigns", limit=limit):
        c = get("/email/public/v1/campaigns/%s" % ref["id"], appId=ref.get("appId", APP_ID))
        counters = c.get("counters", {})
        sent = counters.get("sent") or 0
        rows.append({"campaign": c.get("name") or str(ref["id"]), "sent": sent,
                     "open_rate": round(counters.get("open", 0) / sent, 3) if sent else 0,
                     "click_rate": round(counters.get("click", 0) / sent, 3) if sent else 0})
    return rows


def main():
    rows = campaign_rows()
    print("pushed", airtable.push_rows("Campaigns", rows))
    return rows


if __name__ == "__main__":
    main()
