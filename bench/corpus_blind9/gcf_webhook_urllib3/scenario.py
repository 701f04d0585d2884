"""Google Cloud Functions (2020-2021) receiving HubSpot webhooks: the request is checked
with the v1 signature (sha256 of client secret + body), then each event's portal is looked
up: the home portal uses HUBSPOT_API_KEY from the environment, installed portals keep
their key in Firestore (faked here; the case stores a caller's key). HubSpot calls go
through a module-level `urllib3.PoolManager` (`fields={"hapikey": ...}` and
`?hapikey=%s` URLs); Google Chat messages through the same pool. An admin function
configures the app's webhooks with the developer key through requests."""

import hashlib
import json
import sys
import types

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HOME_PORTAL_ID": "62515",
    "HUBSPOT_CLIENT_SECRET": "cs-9f8e",
    "HUBSPOT_APP_ID": "77120",
    "HUBSPOT_DEVELOPER_KEY": "devkey-webhooks",
    "CHAT_WEBHOOK": "https://chat.googleapis.com/v1/spaces/AAA/messages?key=chatkey&token=t1",
}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile",
     "json": {"vid": 5, "properties": {"email": {"value": "a@b.co"}, "hubspot_owner_id": {"value": "33"}}}},
    {"method": "GET", "url": r"/owners/v2/owners/33", "json": {"ownerId": 33, "email": "rep@acme.com"}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204},
    {"method": "POST", "url": r"chat\.googleapis\.com", "json": {"name": "m1"}},
    {"method": "PUT", "url": r"/webhooks/v1/77120/settings", "json": {}},
    {"method": "POST", "url": r"/webhooks/v1/77120/subscriptions", "json": {"id": 9}},
]

FIRESTORE = {}


def _install_firestore():
    class Snap:
        def __init__(self, data):
            self._data, self.exists = data, data is not None

        def to_dict(self):
            return dict(self._data)

    class Doc:
        def __init__(self, coll, name):
            self.coll, self.name = coll, name

        def get(self):
            return Snap(FIRESTORE.get(self.coll, {}).get(self.name))

    class Coll:
        def __init__(self, name):
            self.name = name

        def document(self, name):
            return Doc(self.name, name)

    class Client:
        def collection(self, name):
            return Coll(name)

    google = types.ModuleType("google")
    cloud = types.ModuleType("google.cloud")
    fs = types.ModuleType("google.cloud.firestore")
    fs.Client = Client
    google.cloud, cloud.firestore = cloud, fs
    google.__path__, cloud.__path__ = [], []
    sys.modules.update({"google": google, "google.cloud": cloud, "google.cloud.firestore": fs})


_install_firestore()


class FakeRequest:
    def __init__(self, events, secret="cs-9f8e", method="POST"):
        self.method = method
        self._body = json.dumps(events)
        sig = hashlib.sha256((secret + self._body).encode()).hexdigest()
        self.headers = {"X-HubSpot-Signature": sig, "Content-Type": "application/json"}

    def get_data(self, as_text=False):
        return self._body if as_text else self._body.encode()

    def get_json(self, silent=False):
        return json.loads(self._body)


def case_home_portal_events(credential):
    import main
    events = [
        {"portalId": 62515, "objectId": 5, "subscriptionType": "contact.propertyChange",
         "propertyName": "lifecyclestage", "propertyValue": "customer"},
        {"portalId": 62515, "objectId": 6, "subscriptionType": "contact.creation"},
    ]
    assert main.hubspot_webhook(FakeRequest(events)) == ('{"handled": 1}', 200)


def case_installed_portal_event(credential):
    FIRESTORE["portals"] = {"4040": {"hapikey": credential("tenant4040"), "name": "Globex",
                                     "chat_webhook": "https://chat.googleapis.com/v1/spaces/BBB/messages?key=k2"}}
    import main
    events = [{"portalId": 4040, "objectId": 11, "subscriptionType": "contact.propertyChange",
               "propertyValue": "lead"},
              {"portalId": 5050, "objectId": 12, "subscriptionType": "contact.propertyChange"}]
    assert main.hubspot_webhook(FakeRequest(events)) == ('{"handled": 1}', 200)


def case_bad_signature(credential):
    import main
    req = FakeRequest([{"portalId": 62515, "objectId": 5}], secret="wrong")
    assert main.hubspot_webhook(req) == ("forbidden", 403)
    import main as m
    m.hubspot.get_contact(5, m.hubspot.API_KEY)


def case_setup_subscriptions(credential):
    import main
    assert main.setup_subscriptions(None) == ("ok", 200)
