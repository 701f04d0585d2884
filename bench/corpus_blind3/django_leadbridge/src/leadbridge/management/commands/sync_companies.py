"""python manage.py sync_companies [--dry-run]

Marks every company whose domain is on our partner list as partner in HubSpot.
"""
import argparse
import logging

from leadbridge.conf import settings
from leadbridge.services.hubspot import iter_companies, update_company

logger = logging.getLogger(__name__)

PARTNER_DOMAINS = {"partner.io", "example.org"}


class Command(object):
    help = __doc__

    def create_parser(self):
        parser = argparse.ArgumentParser(prog="manage.py sync_companies")
        parser.add_argument("--dry-run", action="store_true")
        return parser

    def run_from_argv(self, argv):
        options = vars(self.create_parser().parse_args(argv[2:]))
        return self.handle(**options)

    def handle(self, *args, **options):
        if not settings.HUBSPOT_API_KEY:
            logger.error("HUBSPOT_API_KEY is not set")
            return 1
        updated = 0
        for company in iter_companies():
            domain = company.get("properties", {}).get("domain", {}).get("value", "")
            if domain in PARTNER_DOMAINS:
                if not options.get("dry_run"):
                    update_company(company["companyId"], partner_status="partner")
                updated += 1
        logger.info("%d partner companies", updated)
        return 0
