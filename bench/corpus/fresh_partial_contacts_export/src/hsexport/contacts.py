import csv
import logging

from hsexport import settings
from hsexport.http import hs_get, hs_post, with_retries

log = logging.getLogger(__name__)

ALL_CONTACTS = settings.HUBSPOT_BASE + "/contacts/v1/lists/all/contacts/all"
LIST_CONTACTS = settings.HUBSPOT_BASE + "/contacts/v1/lists/{list_id}/contacts/all"


def _property_query():
    return "&".join("property=" + p for p in settings.EXPORT_PROPERTIES)


def _pages(base_url):
    offset = 0
    while True:
        url = "{0}?count={1}&vidOffset={2}&{3}".format(
            base_url, settings.PAGE_SIZE, offset, _property_query()
        )
        resp = with_retries(hs_get, url)
        resp.raise_for_status()
        data = resp.json()
        yield data.get("contacts", [])
        if not data.get("has-more"):
            break
        offset = data["vid-offset"]


def iter_contacts(list_id=None):
    base = LIST_CONTACTS.format(list_id=list_id) if list_id else ALL_CONTACTS
    for page in _pages(base):
        yield from page


def flatten(contact):
    props = contact.get("properties", {})
    row = {"vid": contact.get("vid")}
    for name in settings.EXPORT_PROPERTIES:
        row[name] = props.get(name, {}).get("value", "")
    return row


def write_csv(fh, contacts):
    writer = csv.DictWriter(fh, fieldnames=["vid"] + settings.EXPORT_PROPERTIES)
    writer.writeheader()
    n = 0
    for contact in contacts:
        writer.writerow(flatten(contact))
        n += 1
    return n


def mark_exported(vids):
    """Flag exported contacts so the next run can skip them."""
    payload = [
        {"vid": vid, "properties": [{"property": "last_export_batch", "value": "nightly"}]}
        for vid in vids
    ]
    resp = with_retries(hs_post, settings.HUBSPOT_BASE + "/contacts/v1/contact/batch/", json=payload)
    if resp.status_code != 202:
        log.error("batch update failed: %s", resp.text)
    return resp.status_code
