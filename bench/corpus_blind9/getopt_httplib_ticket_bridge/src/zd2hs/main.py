"""zd2hs - copy Zendesk tickets into HubSpot tickets

usage: python -m zd2hs.main [-k HAPIKEY] [-s START] [-p PIPELINE] [-n]
"""
import getopt
import logging
import os
import sys

from zd2hs.hubspot import HubSpotTickets
from zd2hs.zendesk import Zendesk


def usage():
    sys.stderr.write(__doc__)
    return 2


def run(hs, zd, start, dry_run=False):
    copied = 0
    for ticket in zd.tickets_since(start):
        requester = (ticket.get("via", {}).get("source", {}).get("from", {}) or {}).get("address")
        if dry_run:
            print("would copy #%s %s" % (ticket["id"], ticket["subject"]))
            continue
        object_id = hs.create_ticket(ticket)
        vid = hs.contact_vid(requester) if requester else None
        if vid:
            hs.associate_contact(object_id, vid)
        copied += 1
    return copied


def main(argv):
    try:
        opts, args = getopt.getopt(argv, "hk:s:p:nv", ["help", "hapikey=", "start=", "pipeline=", "dry-run"])
    except getopt.GetoptError as err:
        sys.stderr.write("%s\n" % err)
        return usage()
    hapikey = os.environ.get("HUBSPOT_HAPIKEY")
    start, pipeline, dry_run = 0, "0", False
    for o, a in opts:
        if o in ("-h", "--help"):
            return usage()
        elif o in ("-k", "--hapikey"):
            hapikey = a
        elif o in ("-s", "--start"):
            start = int(a)
        elif o in ("-p", "--pipeline"):
            pipeline = a
        elif o in ("-n", "--dry-run"):
            dry_run = True
        elif o == "-v":
            logging.basicConfig(level=logging.DEBUG)
    if not hapikey:
        sys.stderr.write("no HubSpot key (-k or $HUBSPOT_HAPIKEY)\n")
        return 2
    zd = Zendesk(os.environ["ZENDESK_SUBDOMAIN"], os.environ["ZENDESK_EMAIL"], os.environ["ZENDESK_TOKEN"])
    n = run(HubSpotTickets(hapikey, pipeline), zd, start, dry_run)
    print("copied %d tickets" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
