import base64

from zd2hs.compat import urlencode
from zd2hs.transport import json_request


class Zendesk(object):
    def __init__(self, subdomain, email, token):
        self.host = "%s.zendesk.com" % subdomain
        auth = base64.b64encode(("%s/token:%s" % (email, token)).encode()).decode()
        self.headers = {"Authorization": "Basic " + auth}

    def tickets_since(self, start_time):
        path = "/api/v2/incremental/tickets.json?" + urlencode({"start_time": start_time})
        while path:
            page = json_request(self.host, "GET", path, headers=self.headers)
            for ticket in page.get("tickets", []):
                yield ticket
            if page.get("end_of_stream"):
                break
            path = page["next_page"].split(self.host, 1)[1]
