import logging

import requests

from hsconnector.auth import auth_from_env

log = logging.getLogger(__name__)
API = "https://api.hubapi.com"


def make_session(auth=None):
    session = requests.Session()
    session.auth = auth or auth_from_env()
    session.headers["User-Agent"] = "hsconnector/3.1"
    return session


class Connector(object):
    def __init__(self, session=None):
        self.session = session or make_session()

    def contacts_by_vid(self, vids):
        resp = self.session.get(API + "/contacts/v1/contact/vids/batch/",
                                params=[("vid", v) for v in vids])
        resp.raise_for_status()
        return resp.json()

    def list_members(self, list_id):
        vids, offset = [], None
        while True:
            params = {"count": 100}
            if offset is not None:
                params["vidOffset"] = offset
            resp = self.session.get(API + "/contacts/v1/lists/%s/contacts/all" % list_id, params=params)
            data = resp.json()
            vids.extend(c["vid"] for c in data["contacts"])
            if not data["has-more"]:
                return vids
            offset = data["vid-offset"]

    def recent_companies(self, count=50):
        resp = self.session.get(API + "/companies/v2/companies/recent/modified", params={"count": count})
        return resp.json().get("results", [])

    def set_company_tier(self, company_id, tier):
        resp = self.session.put(API + "/companies/v2/companies/%s" % company_id,
                                json={"properties": [{"name": "tier", "value": tier}]})
        return resp.ok
