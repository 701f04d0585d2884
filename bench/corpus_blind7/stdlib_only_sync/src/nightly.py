#!/usr/bin/env python3
"""cron: 0 3 * * *  python3 nightly.py"""
import logging
import sys

import hsapi
import internal

logging.basicConfig(level=logging.INFO, stream=sys.stderr)


def main():
    rows = []
    for c in hsapi.recent_contacts(count=2):
        full = hsapi.get_contact(c["vid"])
        if full is None:
            continue
        rows.append({"vid": c["vid"], "email": full["properties"].get("email", {}).get("value")})
        if not full["properties"].get("source"):
            hsapi.update_contact(c["vid"], {"source": "nightly"})
    internal.ingest("contacts", rows)
    stages = [s["stageId"] for p in hsapi.deal_pipelines() for s in p.get("stages", [])]
    internal.ingest("stages", stages)
    return len(rows)


if __name__ == "__main__":
    main()
