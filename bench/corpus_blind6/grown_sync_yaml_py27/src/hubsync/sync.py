import logging

from hubsync import config
from hubsync.session import HubSpotSession

log = logging.getLogger("hubsync")
BASE = "https://api.hubapi.com"


def list_members(session, list_id):
    params = {"count": config.PAGE_SIZE, "property": ["email", "membership_level"]}
    while True:
        data = session.get(BASE + "/contacts/v1/lists/%s/contacts/all" % list_id, params=dict(params)).json()
        for contact in data["contacts"]:
            yield contact
        if not data["has-more"]:
            break
        params["vidOffset"] = data["vid-offset"]


def run(members_db):
    session = HubSpotSession(config.API_KEY)
    changed = []
    for contact in list_members(session, config.LIST_ID):
        email = contact["properties"]["email"]["value"]
        level = contact["properties"].get("membership_level", {}).get("value", "basic")
        if members_db.get(email) != level:
            members_db[email] = level
            changed.append(email)
    if changed:
        session.post(BASE + "/contacts/v1/contact/vid/%s/profile" % contact["vid"],
                     json={"properties": [{"property": "synced", "value": "true"}]})
        if config.ZAPIER_HOOK:
            session.post(config.ZAPIER_HOOK, json={"changed": changed})
    return changed


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(run({}))
