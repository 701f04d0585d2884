"""python -m dealdesk.cli {digest,nag,close} ..."""
import argparse
import datetime

from dealdesk import digest, stale


def main(argv=None):
    parser = argparse.ArgumentParser(prog="dealdesk")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("digest")
    sub.add_parser("nag")
    close = sub.add_parser("close")
    close.add_argument("deal_id", type=int)
    close.add_argument("--lost", action="store_true")
    args = parser.parse_args(argv)

    if args.command == "digest":
        print(digest.monday_digest())
    elif args.command == "nag":
        stale.nag(now=datetime.datetime(2019, 9, 2, 9, 0))
    elif args.command == "close":
        digest.close_deal(args.deal_id, won=not args.lost)
    else:
        parser.print_help()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
