"""dealsync -- move stale HubSpot deals to 'closedlost'.

    python -m dealsync.cli --stage appointmentscheduled --older-than 90
    python -m dealsync.cli --api-key XXXX --dry-run
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from typing import Optional, Sequence

from .client import DealsClient, HubSpotError
from .config import HubSpotConfig

DAY_MS = 24 * 3600 * 1000


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dealsync", description=__doc__)
    p.add_argument("--api-key", default=os.environ.get("HUBSPOT_API_KEY"),
                   help="HubSpot API key (default: $HUBSPOT_API_KEY)")
    p.add_argument("--stage", default="appointmentscheduled")
    p.add_argument("--target-stage", default="closedlost")
    p.add_argument("--older-than", type=int, default=90, help="days")
    p.add_argument("--now", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("-v", "--verbose", action="store_true")
    return p


def stale(deal, stage: str, cutoff_ms: int) -> bool:
    props = deal.get("properties", {})
    if props.get("dealstage", {}).get("value") != stage:
        return False
    close = props.get("closedate", {}).get("value")
    return close is not None and int(close) < cutoff_ms


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    if not args.api_key:
        print("error: no API key (use --api-key or set HUBSPOT_API_KEY)", file=sys.stderr)
        return 2
    config = HubSpotConfig.from_env(api_key=args.api_key, dry_run=args.dry_run)
    client = DealsClient(config)
    now = args.now if args.now is not None else int(time.time() * 1000)
    cutoff = now - args.older_than * DAY_MS
    moved = 0
    try:
        for deal in client.iter_deals():
            if stale(deal, args.stage, cutoff):
                client.update_stage(deal["dealId"], args.target_stage)
                moved += 1
    except HubSpotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"moved {moved} deal(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
