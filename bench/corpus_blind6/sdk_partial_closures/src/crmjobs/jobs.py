import logging

from crmjobs import raw, sdk_jobs
from crmjobs.keys import HUBSPOT_API_KEY

log = logging.getLogger(__name__)


def nightly():
    summary = {"deals": sdk_jobs.legacy_deal_count(), "props": len(raw.contact_properties())}
    summary["owner"] = raw.owner(31)["email"]
    fetch_form = raw.make_form_fetcher(HUBSPOT_API_KEY)
    summary["form"] = fetch_form("ab12")["name"]
    summary["revenue"] = raw.sync_revenue(44, "cus_9")
    sdk_jobs.mark_contact_vip("44")
    return summary


def for_client(client_key):
    fetch_form = raw.make_form_fetcher(client_key)
    return fetch_form("ab12")["name"], raw.owner(31, api_key=client_key)["email"], \
        sdk_jobs.mark_contact_vip("45", api_key=client_key)
