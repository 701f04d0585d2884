import csv

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from crm.hubspot_client import ContactImporter, HubSpotError

FIELDS = {
    "Email": "email",
    "First name": "firstname",
    "Last name": "lastname",
    "Company": "company",
    "Phone": "phone",
}


class Command(BaseCommand):
    help = "Import contacts from a CSV export into HubSpot"

    def add_arguments(self, parser):
        parser.add_argument("csv_file")
        parser.add_argument(
            "--api-key",
            dest="api_key",
            default=settings.HUBSPOT_API_KEY,
            help="HubSpot API key (defaults to settings.HUBSPOT_API_KEY)",
        )
        parser.add_argument("--list-id", default=settings.HUBSPOT_IMPORT_LIST_ID)
        parser.add_argument("--skip-existing", action="store_true")

    def read_rows(self, path):
        with open(path, newline="", encoding="utf-8-sig") as handle:
            for raw in csv.DictReader(handle):
                row = {FIELDS[k]: (v or "").strip() for k, v in raw.items() if k in FIELDS}
                if row.get("email"):
                    row["email"] = row["email"].lower()
                    yield row

    def handle(self, *args, **options):
        if not options["api_key"]:
            raise CommandError("No HubSpot API key: set HUBSPOT_API_KEY or pass --api-key")
        importer = ContactImporter(api_key=options["api_key"])
        rows = list(self.read_rows(options["csv_file"]))
        if options["skip_existing"]:
            rows = [r for r in rows if not importer.exists(r["email"])]
        try:
            count = importer.upsert(rows)
            if options["list_id"]:
                importer.add_to_list(options["list_id"], [r["email"] for r in rows])
        except HubSpotError as exc:
            raise CommandError(str(exc))
        self.stdout.write("Imported %d contacts" % count)
