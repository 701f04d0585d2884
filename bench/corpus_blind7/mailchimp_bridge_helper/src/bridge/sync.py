import logging

from . import config, hubspot, mailchimp
from .http import call

log = logging.getLogger("bridge.sync")


def report_status(name, **counts):
    call("POST", config.STATUS_API + "/jobs/%s" % name, json=counts,
         headers={"X-Job": name})


def mailchimp_to_hubspot(mc_list, hs_list):
    synced = skipped = 0
    for m in mailchimp.members(mc_list):
        email = m["email_address"].lower()
        if hubspot.unsubscribed(email):
            skipped += 1
            continue
        hubspot.upsert(email, {"firstname": m.get("merge_fields", {}).get("FNAME", ""),
                               "mailchimp_rating": str(m.get("member_rating", 0))})
        synced += 1
    in_list = len(hubspot.list_members(hs_list))
    report_status("mailchimp_to_hubspot", synced=synced, skipped=skipped, in_list=in_list)
    return synced, skipped, in_list
