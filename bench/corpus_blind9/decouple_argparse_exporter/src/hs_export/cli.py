import argparse
import logging
import sys

from hs_export import exporters
from hs_export.api import HubSpotAPI, HubSpotError


def build_parser():
    parser = argparse.ArgumentParser(prog="hs-export", description=__doc__)
    parser.add_argument("--api-key", help="HubSpot API key (default: $HUBSPOT_API_KEY)")
    parser.add_argument("-v", "--verbose", action="store_true")
    sub = parser.add_subparsers(dest="command")
    contacts = sub.add_parser("contacts")
    contacts.add_argument("--enrich", action="store_true")
    contacts.add_argument("-o", "--output", default="-")
    companies = sub.add_parser("companies")
    companies.add_argument("-o", "--output", default="-")
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING)
    try:
        api = HubSpotAPI(api_key=args.api_key)
    except HubSpotError as e:
        print(e, file=sys.stderr)
        return 2
    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="")
    try:
        if args.command == "contacts":
            n = exporters.export_contacts(api, out, enrich=args.enrich)
        elif args.command == "companies":
            n = exporters.export_companies(api, out)
        else:
            build_parser().print_help()
            return 1
    finally:
        if out is not sys.stdout:
            out.close()
    print("exported %d rows" % n, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
