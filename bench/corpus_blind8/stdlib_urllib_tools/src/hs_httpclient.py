"""Owner and form lookups over a kept-alive http.client connection."""
import http.client
import json
import os

HOST = "api.hubapi.com"


class Conn(object):
    def __init__(self, key=None):
        self.key = key or os.environ["HUBSPOT_HAPIKEY"]
        self.conn = http.client.HTTPSConnection(HOST, timeout=15)

    def get(self, path):
        sep = "&" if "?" in path else "?"
        self.conn.request("GET", path + sep + "hapikey=" + self.key, headers={"Accept": "application/json"})
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status >= 400:
            raise RuntimeError("%s %s" % (resp.status, path))
        return json.loads(data)

    def owners(self):
        return self.get("/owners/v2/owners")

    def forms(self):
        return self.get("/forms/v2/forms")

    def form_fields(self, guid):
        return self.get("/forms/v2/fields/%s" % guid)

    def close(self):
        self.conn.close()


def form_report():
    c = Conn()
    try:
        out = {}
        for form in c.forms():
            out[form["name"]] = len(c.form_fields(form["guid"]))
        return out
    finally:
        c.close()


def owner_emails():
    conn = http.client.HTTPSConnection(HOST)
    conn.request("GET", "/owners/v2/owners?hapikey=%s&includeInactive=true" % os.environ["HUBSPOT_HAPIKEY"])
    owners = json.loads(conn.getresponse().read())
    conn.close()
    return sorted(o["email"] for o in owners if o.get("email"))
