"""Marketing reports used from the analysis notebook."""
import os
from collections import Counter

import requests


class Reports:
    base = "https://api.hubapi.com"
    key = os.environ.get("HUBSPOT_API_KEY")

    def _get(self, path, **query):
        query.update(hapikey=self.key)
        resp = requests.get(self.base + path, params=query, timeout=30)
        resp.raise_for_status()
        return resp.json()

    def lifecycle_counts(self):
        counts = Counter()
        offset = None
        while True:
            q = {"count": 2, "property": "lifecyclestage"}
            if offset:
                q["vidOffset"] = offset
            page = self._get("/contacts/v1/lists/all/contacts/all", **q)
            for c in page["contacts"]:
                stage = c["properties"].get("lifecyclestage", {}).get("value", "unknown")
                counts[stage] += 1
            if not page["has-more"]:
                return dict(counts)
            offset = page["vid-offset"]

    def form_names(self):
        return [f["name"] for f in self._get("/forms/v2/forms")]

    def campaign_ids(self):
        return [c["id"] for c in self._get("/email/public/v1/campaigns/by-id", limit=5)["campaigns"]]
