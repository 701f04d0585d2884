"""Copies form definitions from the live portal (or the staging mirror) to the EU portal."""
import logging

from portalcopy.client import EUClient, HubSpotClient, MirrorClient

log = logging.getLogger(__name__)
DROP = ("guid", "portalId", "createdAt", "updatedAt", "deletedAt")


def source_client(use_mirror=False, api_key=None):
    if use_mirror:
        return MirrorClient()
    return HubSpotClient(api_key)


def copy_forms(target_key, use_mirror=False, source_key=None):
    src = source_client(use_mirror, source_key)
    dst = EUClient(target_key)
    existing = {f.get("name") for f in dst.list_forms()}
    copied = []
    for form in src.list_forms():
        if form.get("name") in existing:
            continue
        clean = dict((k, v) for k, v in form.items() if k not in DROP)
        dst.create_form(clean)
        copied.append(form["name"])
    log.info("copied %d forms", len(copied))
    return copied


def compare_deal_properties(target_key):
    live = {p["name"] for p in HubSpotClient().deal_properties()}
    eu = {p["name"] for p in EUClient(target_key).deal_properties()}
    return sorted(live - eu)
