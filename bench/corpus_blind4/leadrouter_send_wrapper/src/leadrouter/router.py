"""Entry point called by the website's lead form backend."""
import logging

from leadrouter import contacts, deals

log = logging.getLogger(__name__)


def route(lead):
    email = lead["email"].strip().lower()
    existing = contacts.find_by_email(email)
    props = {"firstname": lead.get("first", ""), "lastname": lead.get("last", ""), "company": lead.get("company", "")}
    result = contacts.upsert(email, props)
    vid = (result or {}).get("vid") or (existing or {}).get("vid")
    if lead.get("budget", 0) >= 5000 and vid:
        deals.create_deal(vid, "%s - inbound" % props["company"], lead["budget"])
    log.info("routed %s (vid=%s)", email, vid)
    return vid


if __name__ == "__main__":
    import sys
    logging.basicConfig(level=logging.INFO)
    route({"email": sys.argv[1], "budget": int(sys.argv[2]) if len(sys.argv) > 2 else 0})
