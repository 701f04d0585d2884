#!/usr/bin/env python
# Deal stage report for our portal and, optionally, the sister company's.
from __future__ import print_function

import sys
from collections import defaultdict

import hs_api


def stage_report(deals):
    out = defaultdict(int)
    for d in deals:
        out[d.get("properties", {}).get("dealstage", {}).get("value", "none")] += 1
    return dict(out)


def main(sister_key=None):
    ours = stage_report(hs_api.with_retry(hs_api.get_deals))
    report = {"ours": ours}
    if sister_key:
        report["sister"] = stage_report(hs_api.with_retry(hs_api.get_deals, sister_key, 100))
        sister_fetch = hs_api.make_fetcher(sister_key)
        report["sister_owners"] = len(sister_fetch("/owners/v2/owners"))
    report["pipelines"] = len(hs_api.fetch("/deals/v1/pipelines"))
    report["owners"] = len(hs_api.fetch("/owners/v2/owners", includeInactive="true"))
    return report


if __name__ == "__main__":
    print(main(sys.argv[1] if len(sys.argv) > 1 else None))
