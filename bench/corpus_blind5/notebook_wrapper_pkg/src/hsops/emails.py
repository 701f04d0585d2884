"""Marketing email stats (v1)."""
from hsops.api import api


def campaign_stats(limit=10):
    campaigns = api.get("/email/public/v1/campaigns/by-id", params={"limit": limit}).get("campaigns", [])
    out = {}
    for c in campaigns:
        detail = api.get("/email/public/v1/campaigns/%s" % c["id"])
        out[c["id"]] = detail.get("counters", {}).get("open", 0)
    return out
