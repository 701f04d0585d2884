"""Optional enrichment through Clearbit before writing the CSV."""
from hs_export import settings

CLEARBIT_FIND = "https://person.clearbit.com/v2/people/find"


def enrich_row(api, row):
    if not settings.CLEARBIT_KEY or not row.get("email"):
        return row
    try:
        person = api._request(CLEARBIT_FIND, {"email": row["email"]},
                              headers={"Authorization": "Bearer " + settings.CLEARBIT_KEY})
    except Exception:
        return row
    row["title"] = (person.get("employment") or {}).get("title", "")
    return row
