"""Mark deals as closed won from a list of emails (sales ops asks for this monthly)."""
import logging
import sys

import hubspot_utils as hs

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("close_deals")


def close_for(email, deal_id, amount=None):
    contact = hs.get_contact(email)
    if contact is None:
        log.warning("no contact for %s", email)
        return False
    props = {"dealstage": "closedwon"}
    if amount is not None:
        props["amount"] = str(amount)
    hs.update_deal(deal_id, props)
    hs.associate_deal_contact(deal_id, contact["vid"])
    hs.update_contact(contact["vid"], {"lifecyclestage": "customer"})
    deal = hs.get_deal(deal_id)
    hs.notify("Deal %s closed for %s" % (deal.get("dealId"), email))
    return True


def main(argv):
    for line in argv:
        email, deal_id = line.split(",")
        close_for(email.strip(), int(deal_id))


if __name__ == "__main__":
    main(sys.argv[1:])
