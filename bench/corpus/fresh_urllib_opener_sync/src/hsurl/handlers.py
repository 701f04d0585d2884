"""urllib handler that appends the portal API key to every request made to HubSpot."""
from hsurl.compat import BaseHandler, parse_qsl, urlencode, urlparse, urlunparse


class HapikeyHandler(BaseHandler):
    # run before the HTTP(S) handlers open the connection
    handler_order = 400

    def __init__(self, api_key, hosts=("api.hubapi.com",)):
        self.api_key = api_key
        self.hosts = hosts

    def https_request(self, req):
        parts = urlparse(req.get_full_url())
        if parts.hostname in self.hosts:
            query = parse_qsl(parts.query, keep_blank_values=True)
            query = [(k, v) for k, v in query if k != "hapikey"]
            query.append(("hapikey", self.api_key))
            req.full_url = urlunparse(parts._replace(query=urlencode(query)))
        return req

    http_request = https_request
