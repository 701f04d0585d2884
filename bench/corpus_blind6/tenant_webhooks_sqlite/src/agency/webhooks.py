"""POST /hubspot/events: HubSpot sends batches of events for every installed portal."""
import logging

import requests

from agency import db, hubspot

log = logging.getLogger(__name__)
SLACK_API = "https://slack.com/api/chat.postMessage"


def handle_events(events, slack_token):
    handled = 0
    for event in events:
        portal = db.portal(event["portalId"])
        if portal is None:
            log.warning("event for unknown portal %s", event["portalId"])
            continue
        if event["subscriptionType"] == "deal.creation":
            deal = hubspot.get("/deals/v1/deal/%d" % event["objectId"], api_key=portal["api_key"])
            name = deal["properties"]["dealname"]["value"]
            if portal["slack_channel"]:
                requests.post(SLACK_API, headers={"Authorization": "Bearer " + slack_token},
                              json={"channel": portal["slack_channel"], "text": "New deal: " + name})
            hubspot.post("/engagements/v1/engagements", {
                "engagement": {"type": "NOTE"}, "associations": {"dealIds": [event["objectId"]]},
                "metadata": {"body": "Announced in Slack"}}, api_key=portal["api_key"])
            # the agency tracks every client deal in its own portal too
            hubspot.post("/contacts/v1/contact/createOrUpdate/email/%s/" % "deals@agency.example",
                         {"properties": [{"property": "last_client_deal", "value": name}]})
            handled += 1
    return handled
