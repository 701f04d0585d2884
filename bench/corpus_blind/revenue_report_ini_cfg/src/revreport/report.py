import json
import sys
from collections import defaultdict

import requests

from revreport.config import load_config
from revreport.fetch import hs_url
from revreport.sources import closed_deals, owners, shopify_orders


def build(cfg, since):
    by_owner = defaultdict(float)
    names = owners(cfg)
    for deal in closed_deals(cfg):
        props = deal["properties"]
        owner = int(props.get("hubspot_owner_id", {}).get("value") or 0)
        by_owner[names.get(owner, "unassigned")] += float(props["amount"]["value"])
    shop_total = sum(float(o["total_price"]) for o in shopify_orders(cfg, since))
    return {"hubspot": dict(by_owner), "shopify": shop_total}


def mark_reported(cfg, deal_ids):
    for deal_id in deal_ids:
        requests.put(hs_url(cfg, "/deals/v1/deal/%s" % deal_id),
                     data=json.dumps({"properties": [{"name": "in_weekly_report", "value": "true"}]}),
                     headers={"Content-Type": "application/json"}, timeout=30)


def post_to_slack(cfg, summary):
    lines = ["*Weekly revenue*"]
    for name, total in sorted(summary["hubspot"].items()):
        lines.append("%s: $%.2f" % (name, total))
    lines.append("Shopify: $%.2f" % summary["shopify"])
    requests.post(cfg.slack_webhook, json={"text": "\n".join(lines)}, timeout=10)


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    cfg = load_config(argv[0] if argv else "settings.ini")
    summary = build(cfg, since=argv[1] if len(argv) > 1 else "2021-01-01")
    post_to_slack(cfg, summary)
    mark_reported(cfg, [d["dealId"] for d in closed_deals(cfg)])
    return summary


if __name__ == "__main__":
    main()
