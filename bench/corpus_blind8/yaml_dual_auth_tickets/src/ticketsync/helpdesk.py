import requests


class Helpdesk(object):
    def __init__(self, settings):
        self.url = settings.helpdesk_url
        self.headers = {"Authorization": "Token %s" % settings.helpdesk_token}

    def open_tickets(self):
        r = requests.get(self.url + "/tickets", params={"status": "open"}, headers=self.headers, timeout=15)
        r.raise_for_status()
        return r.json()["tickets"]
