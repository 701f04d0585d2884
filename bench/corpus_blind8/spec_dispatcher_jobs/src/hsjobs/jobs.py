"""Jobs run by the scheduler: run_job(name, *args)."""
import functools
import logging
import os

from hsjobs.dispatch import send, send_all
from hsjobs.endpoints import Endpoints

log = logging.getLogger(__name__)

DEFAULT_KEY = os.environ.get("HUBSPOT_API_KEY")


def tag_company(api_key, company_id, tag):
    ep = Endpoints(api_key)
    company = send(ep.company(company_id))
    name = company["properties"]["name"]["value"]
    send(ep.update_company(company_id, {"account_tag": tag}))
    return name


def import_contacts(api_key, rows):
    ep = Endpoints(api_key)
    batch = [{"email": r["email"], "properties": [{"property": "firstname", "value": r["first"]}]} for r in rows]
    send(ep.contacts_batch(batch))
    return [send(ep.contact_by_email(r["email"]))["vid"] for r in rows]


def link_deals(api_key, pairs):
    ep = Endpoints(api_key)
    return send_all(ep.associate_deal(d, c) for d, c in pairs)


def check_app(app_id):
    ep = Endpoints(os.environ["HUBSPOT_DEVELOPER_KEY"])
    return send(ep.webhook_settings(app_id))


JOBS = {
    "tag_company": tag_company,
    "import_contacts": import_contacts,
    "link_deals": link_deals,
}


def run_job(name, *args):
    log.info("running %s", name)
    return JOBS[name](*args)


def default_job(name):
    """The job bound to our own portal's key."""
    return functools.partial(run_job, name, DEFAULT_KEY)
