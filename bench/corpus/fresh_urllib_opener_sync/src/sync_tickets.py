"""Copy solved Zendesk tickets onto the HubSpot contact timeline as notes."""
from hsurl import api
from hsurl.compat import quote


def contact_for(email):
    try:
        return api.hs("/contacts/v1/contact/email/%s/profile" % quote(email))
    except api.HTTPError as e:
        if e.code == 404:
            return None
        raise


def sync(view_id=360001):
    tickets = api.zendesk("/views/%s/tickets.json" % view_id).get("tickets", [])
    done = 0
    for t in tickets:
        email = t.get("requester_email")
        contact = contact_for(email) if email else None
        if not contact:
            continue
        owner = api.owner_by_email(t.get("assignee_email", "support@acme.io"))
        api.log_engagement({
            "engagement": {"active": True, "type": "NOTE",
                           "ownerId": owner and owner.get("ownerId")},
            "associations": {"contactIds": [contact["vid"]]},
            "metadata": {"body": "Zendesk #%s: %s" % (t["id"], t.get("subject", ""))},
        })
        api.hs("/contacts/v1/contact/vid/%s/profile" % contact["vid"],
               {"properties": [{"property": "last_ticket_id", "value": str(t["id"])}]},
               method="POST")
        done += 1
    return done


if __name__ == "__main__":
    print(sync())
