"""A Django project (2016-2018): `mysite/settings.py` reads HUBSPOT_API_KEY, a
management command `import_contacts` takes `--api-key` defaulting to
`settings.HUBSPOT_API_KEY`, reads a CSV export and hands the key to a `ContactImporter`
class (falls back to settings too) that posts batches to contacts v1 batch endpoints with
`params={"hapikey": self.api_key}` and checks existing contacts with a `?hapikey=` URL.
Django itself is not installed here: the scenario provides minimal `django.conf.settings`
and `BaseCommand` stand-ins (argparse-based, like the real ones)."""

import argparse
import importlib
import io
import os
import sys
import tempfile
import types

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "DJANGO_SETTINGS_MODULE": "mysite.settings",
}
CASE_ENV = {"case_import_into_list": {"HUBSPOT_IMPORT_LIST_ID": "77"}}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contact/email/old%40example\.com/profile",
        "json": {"vid": 1},
    },
    {
        "method": "GET",
        "url": r"/contact/email/old@example\.com/profile",
        "json": {"vid": 1},
    },
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "status": 404, "json": {}},
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/batch/",
        "status": 202,
        "body": "",
    },
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/add", "json": {"updated": [1]}},
]

CSV = (
    "Email,First name,Last name,Company,Phone\n"
    "Old@Example.com,Olga,Old,Acme,\n"
    "new1@example.com,Nina,New,Acme,555-0100\n"
    "new2@example.com,Ned,,Globex,\n"
    ",Nobody,,,\n"
)


def _django_standin():
    django = types.ModuleType("django")
    conf = types.ModuleType("django.conf")

    class LazySettings:
        def __getattr__(self, name):
            module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
            return getattr(module, name)

    conf.settings = LazySettings()
    core = types.ModuleType("django.core")
    management = types.ModuleType("django.core.management")
    base = types.ModuleType("django.core.management.base")

    class CommandError(Exception):
        pass

    class BaseCommand:
        help = ""

        def __init__(self):
            self.stdout = io.StringIO()

        def add_arguments(self, parser):
            pass

        def run_from_argv(self, argv):
            parser = argparse.ArgumentParser(prog=" ".join(argv[:2]))
            self.add_arguments(parser)
            options = vars(parser.parse_args(argv[2:]))
            return self.handle(**options)

    base.BaseCommand, base.CommandError = BaseCommand, CommandError
    for name, module in {
        "django": django,
        "django.conf": conf,
        "django.core": core,
        "django.core.management": management,
        "django.core.management.base": base,
    }.items():
        sys.modules[name] = module


def _csv():
    path = os.path.join(tempfile.mkdtemp(), "contacts.csv")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(CSV)
    return path


def _command(*argv):
    _django_standin()
    from crm.management.commands.import_contacts import Command

    command = Command()
    command.run_from_argv(["manage.py", "import_contacts", *argv])
    return command.stdout.getvalue()


def case_import_default_key(credential):
    assert "Imported 3" in _command(_csv())


def case_import_skip_existing(credential):
    assert "Imported 2" in _command(_csv(), "--skip-existing")


def case_import_into_list(credential):
    _command(_csv())


def case_import_other_portal_key(credential):
    _command(_csv(), "--api-key", credential("sandbox"), "--list-id", "12")


def case_importer_from_shell(credential):
    _django_standin()
    from crm.hubspot_client import ContactImporter

    importer = ContactImporter(batch_size=2)
    importer.upsert([{"email": "a@example.com", "firstname": "A"}] * 3)
