from django.core.management.base import BaseCommand

from leads.hubspot import HubSpotClient


class Command(BaseCommand):
    help = "Print HubSpot owners and optionally assign one to a contact"

    def add_arguments(self, parser):
        parser.add_argument("--assign", nargs=2, metavar=("VID", "OWNER"))

    def handle(self, *args, **options):
        client = HubSpotClient()
        owners = client.owners()
        for owner in owners:
            self.stdout.write("%s %s" % (owner["ownerId"], owner.get("email", "")))
        if options.get("assign"):
            vid, owner = options["assign"]
            client.assign_owner(int(vid), int(owner))
        return None
