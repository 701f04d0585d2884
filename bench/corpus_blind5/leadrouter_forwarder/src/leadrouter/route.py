"""Round-robin routing job (cron, every 10 minutes)."""
import itertools
import logging

from leadrouter import contacts, forwarder
from leadrouter.app import load_config, make_api

log = logging.getLogger(__name__)


def run(since_ms):
    config = load_config()
    api = make_api(config)
    owners = itertools.cycle(config["owner_queue"])
    leads = contacts.new_leads(api, since_ms)
    for lead in leads:
        owner = next(owners)
        contacts.assign_owner(api, lead["id"], owner)
        forwarder.forward(api, config, lead, owner)
    forwarder.tell_slack(api, config, len(leads))
    log.info("routed %d", len(leads))
    return len(leads)


if __name__ == "__main__":
    import sys
    run(int(sys.argv[1]))
