from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from crm.services import hubspot


class Command(BaseCommand):
    help = "Pull recently modified HubSpot contacts and print their plan"

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=50)
        parser.add_argument("--email", default=None)

    def handle(self, *args, **options):
        if not settings.HUBSPOT_API_KEY:
            raise CommandError("HUBSPOT_API_KEY is not set")
        if options["email"]:
            contact = hubspot.get_contact_by_email(options["email"])
            self.stdout.write(str(bool(contact)))
            return "1" if contact else "0"
        seen = 0
        for contact in hubspot.recently_modified(count=options["count"]):
            seen += 1
        self.stdout.write(self.style.SUCCESS("%d contacts" % seen))
        return str(seen)
