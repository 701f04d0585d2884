"""Walks open desk tickets, makes sure each requester is in HubSpot, logs a call."""
import logging

from deskbot import crm, internal
from deskbot.config import Config

log = logging.getLogger("deskbot")


class Bot(object):
    def __init__(self, config):
        self.config = config

    def run(self):
        done = []
        for ticket in internal.open_tickets(self.config, queue="billing"):
            contact = crm.contact_by_email(self.config, ticket["email"])
            vid = contact.get("vid")
            if vid is None:
                crm.submit_ticket_form(self.config, ticket["email"], ticket["subject"])
                continue
            crm.log_call(self.config, vid, ticket["subject"], key=self.config.hubspot_key, timestamp=1)
            done.append(vid)
        return done


def main():
    logging.basicConfig(level=logging.INFO)
    config = Config()
    log.info("properties: %s", crm.ticket_properties(config))
    log.info("forms: %d", len(crm.forms(config)))
    return Bot(config).run()


if __name__ == "__main__":
    main()
