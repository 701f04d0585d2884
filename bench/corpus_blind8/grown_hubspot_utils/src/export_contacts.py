"""Dump all contacts to contacts.csv (weekly cron)."""
import csv
import sys

from hubspot_utils import get_all_contacts, get_contact, log_call, submit_form

NEWSLETTER_FORM = "0c8a5f2e-1111-2222-3333-444455556666"


def value(contact, name):
    return contact.get("properties", {}).get(name, {}).get("value", "")


def export(path="contacts.csv"):
    contacts = get_all_contacts(count=2)
    with open(path, "w") as f:
        w = csv.writer(f)
        w.writerow(["vid", "email", "firstname", "lastname"])
        for c in contacts:
            w.writerow([c["vid"], value(c, "email"), value(c, "firstname"), value(c, "lastname")])
    return len(contacts)


def follow_up(email, note):
    contact = get_contact(email)
    if contact is None:
        submit_form(NEWSLETTER_FORM, {"email": email}, page_url="https://example.com/export")
        return None
    return log_call(contact["vid"], note)


if __name__ == "__main__":
    print(export(sys.argv[1] if len(sys.argv) > 1 else "contacts.csv"))
