#!/usr/bin/env python
"""Print the number of companies per owner."""
import collections
import sys

sys.path.insert(0, ".")

from hubspot_lite import HubSpot  # noqa: E402


def main():
    hs = HubSpot()
    owners = {o["ownerId"]: o["email"] for o in hs.owners.all()}
    counts = collections.Counter()
    for company in hs.companies.paged():
        owner = company.get("properties", {}).get("hubspot_owner_id", {}).get("value")
        counts[owners.get(int(owner)) if owner else None] += 1
    return dict(counts)


if __name__ == "__main__":
    print(main())
