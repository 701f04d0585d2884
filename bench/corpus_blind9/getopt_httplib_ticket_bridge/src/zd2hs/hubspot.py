from zd2hs.compat import quote, urlencode
from zd2hs.transport import HTTPError, json_request

HOST = "api.hubapi.com"

STATUS_TO_STAGE = {"new": "1", "open": "2", "pending": "3", "solved": "4", "closed": "4"}


class HubSpotTickets(object):
    def __init__(self, api_key, pipeline="0"):
        self.api_key = api_key
        self.pipeline = pipeline

    def _path(self, path, **query):
        query["hapikey"] = self.api_key
        return "%s?%s" % (path, urlencode(query))

    def contact_vid(self, email):
        try:
            found = json_request(HOST, "GET", self._path("/contacts/v1/contact/email/%s/profile" % quote(email),
                                                         property="email"))
        except HTTPError as e:
            if e.status == 404:
                return None
            raise
        return found["vid"]

    def create_ticket(self, ticket):
        props = [
            {"name": "subject", "value": ticket["subject"]},
            {"name": "content", "value": ticket.get("description", "")},
            {"name": "hs_pipeline", "value": self.pipeline},
            {"name": "hs_pipeline_stage", "value": STATUS_TO_STAGE.get(ticket["status"], "1")},
            {"name": "source_type", "value": "EMAIL"},
            {"name": "zendesk_id", "value": str(ticket["id"])},
        ]
        return json_request(HOST, "POST", self._path("/crm-objects/v1/objects/tickets"), body=props)["objectId"]

    def associate_contact(self, ticket_id, vid):
        body = {"fromObjectId": ticket_id, "toObjectId": vid, "category": "HUBSPOT_DEFINED",
                "definitionId": 16}
        json_request(HOST, "PUT", "/crm-associations/v1/associations?hapikey=" + self.api_key, body=body)
