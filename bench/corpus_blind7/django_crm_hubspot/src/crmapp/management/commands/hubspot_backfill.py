"""./manage.py hubspot_backfill --email a@b.c --email d@e.f [--api-key KEY]"""
from django.core.management.base import BaseCommand

from crmapp.hubspot import HubSpotClient


class Command(BaseCommand):
    help = "Create or update HubSpot contacts for the given emails"

    def add_arguments(self, parser):
        parser.add_argument("--email", action="append", default=[])
        parser.add_argument("--api-key", dest="api_key", default=None,
                            help="HubSpot API key (defaults to settings.HUBSPOT_KEY)")

    def handle(self, *args, **options):
        client = HubSpotClient(api_key=options["api_key"])
        for email in options["email"]:
            contact = client.get_contact_by_email(email)
            if contact is None:
                client.create_or_update_contact(email, {"lifecyclestage": "lead"})
                self.stdout.write("created %s" % email)
            else:
                self.stdout.write("exists %s" % email)
