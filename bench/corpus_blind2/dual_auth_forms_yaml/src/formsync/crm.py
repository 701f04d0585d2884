"""Our internal CRM: leads waiting to be pushed to HubSpot forms."""
import requests


class InternalCRM(object):
    def __init__(self, conf):
        self.base = conf["base_url"]
        self.session = requests.Session()
        self.session.headers["Authorization"] = "Token " + conf["token"]

    def pending_leads(self):
        return self.session.get(self.base + "/leads", params={"status": "pending"}).json()

    def mark_sent(self, lead_id):
        self.session.patch(self.base + "/leads/%s" % lead_id, json={"status": "sent"})
