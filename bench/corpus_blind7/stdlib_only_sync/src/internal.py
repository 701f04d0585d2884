"""Our warehouse ingest endpoint; same JSON headers as the HubSpot calls."""
import json
import os
import urllib.request

from hsapi import JSON_HEADERS

INGEST = os.environ.get("INGEST_URL", "http://warehouse.internal:9000/ingest")


def ingest(kind, rows):
    req = urllib.request.Request(INGEST + "/" + kind, data=json.dumps(rows).encode(),
                                 headers=JSON_HEADERS, method="POST")
    with urllib.request.urlopen(req) as resp:
        return resp.status
