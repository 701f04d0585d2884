"""Copy solved Zendesk tickets onto the HubSpot contact and deal."""
import requests

from crmtools import config
from crmtools.clients import CompaniesClient, ContactsClient, DealsClient, TimelineClient


def build(path="config.yaml"):
    cfg = config.load(path)
    hs = cfg["hubspot"]
    kwargs = {"base_url": hs["base_url"], "timeout": hs["timeout"]}
    return {
        "cfg": cfg,
        "contacts": ContactsClient(hs["api_key"], **kwargs),
        "deals": DealsClient(hs["api_key"], **kwargs),
        "companies": CompaniesClient(hs["api_key"], **kwargs),
        "timeline": TimelineClient(cfg["timeline"]["developer_key"], cfg["timeline"]["app_id"], **kwargs),
    }


def solved_tickets(cfg):
    zd = cfg["zendesk"]
    resp = requests.get("https://%s.zendesk.com/api/v2/search.json" % zd["subdomain"],
                        params={"query": "type:ticket status:solved"},
                        auth=("%s/token" % zd["email"], zd["token"]), timeout=20)
    return resp.json().get("results", [])


def sync(path="config.yaml"):
    c = build(path)
    done = 0
    for ticket in solved_tickets(c["cfg"]):
        contact = c["contacts"].get_by_email(ticket["requester_email"])
        vid = contact["vid"]
        c["contacts"].update(vid, {"last_ticket_id": str(ticket["id"])})
        if ticket.get("renewal"):
            deal = c["deals"].create("Renewal for ticket %s" % ticket["id"], 1200, contact_ids=[vid])
            c["deals"].associate_contact(deal["dealId"], vid)
        domain = ticket["requester_email"].split("@")[1]
        for company in c["companies"].by_domain(domain):
            c["companies"].add_contact(company["companyId"], vid)
        done += 1
    return done


def setup_timeline(path="config.yaml"):
    c = build(path)
    name = c["cfg"]["timeline"]["event_type_name"]
    if not any(t["name"] == name for t in c["timeline"].event_types()):
        c["timeline"].create_event_type(name)
        return True
    return False
