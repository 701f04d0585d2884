"""./manage.py sync_hubspot -- tag recent contacts with their signup source."""
from leads import hubspot


class BaseCommand(object):  # django.core.management.base.BaseCommand in production
    help = ""

    def __init__(self, stdout=None):
        import sys
        self.stdout = stdout or sys.stdout


class Command(BaseCommand):
    help = "Tag contacts created in the last day with their signup source"

    def handle(self, *args, **options):
        count = options.get("count", 20)
        tagged = 0
        for contact in hubspot.recently_created(count=count):
            props = contact.get("properties", {})
            if "signup_source" in props:
                continue
            email = props.get("email", {}).get("value")
            if not email:
                continue
            hubspot.create_or_update_contact(email, {"signup_source": "website"})
            tagged += 1
        self.stdout.write("tagged %d contacts\n" % tagged)
        return tagged
