import logging

from ticketsync.deps import get_helpdesk, get_hubspot

log = logging.getLogger(__name__)


def sync_open_tickets(hubspot=None, helpdesk=None):
    hubspot = hubspot or get_hubspot()
    helpdesk = helpdesk or get_helpdesk()
    known = {t["properties"].get("external_id") for t in hubspot.tickets()}
    created = []
    for t in helpdesk.open_tickets():
        ext = "hd-%s" % t["id"]
        if ext in known:
            continue
        created.append(hubspot.create_ticket(t["subject"], ext))
    log.info("created %d tickets", len(created))
    return created


def owner_count():
    return len(get_hubspot().owners())
