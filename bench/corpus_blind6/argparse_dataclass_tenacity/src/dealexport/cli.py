"""hubspot-deal-export: deals with their contacts' emails as CSV."""
import argparse
import csv
import io
import os
import sys

from dealexport.client import DealsClient
from dealexport.config import ExportConfig, default_api_key
from dealexport.upload import upload_csv


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="hubspot-deal-export")
    parser.add_argument("--api-key", default=os.environ.get("HUBSPOT_API_KEY"),
                        help="HubSpot API key (default: $HUBSPOT_API_KEY)")
    parser.add_argument("--page-size", type=int, default=100)
    parser.add_argument("--upload-url", default=os.environ.get("BI_UPLOAD_URL"))
    parser.add_argument("--output", "-o", default="-")
    return parser.parse_args(argv)


def build_config(args):
    return ExportConfig(api_key=args.api_key or default_api_key(), page_size=args.page_size,
                        upload_url=args.upload_url, upload_token=os.environ.get("BI_TOKEN"))


def export(config):
    client = DealsClient(config)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["deal", "amount", "emails"])
    for deal in client.deals():
        props = deal.get("properties", {})
        emails = [client.contact_email(vid) for vid in client.deal_contacts(deal["dealId"])]
        writer.writerow([props.get("dealname", {}).get("value"),
                         props.get("amount", {}).get("value"), ";".join(filter(None, emails))])
    return out.getvalue()


def main(argv=None):
    args = parse_args(argv)
    config = build_config(args)
    text = export(config)
    if config.upload_url:
        upload_csv(config.upload_url, config.upload_token, text)
    if args.output == "-":
        return text
    with open(args.output, "w") as fh:
        fh.write(text)
    return text


if __name__ == "__main__":
    sys.stdout.write(main())
