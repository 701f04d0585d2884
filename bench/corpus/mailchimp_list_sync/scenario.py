"""A small package syncing a HubSpot list into Mailchimp (2019). Authentication is a
``requests.auth.AuthBase`` subclass that adds the portal key with ``r.prepare_url(r.url,
{...})``, installed as ``session.auth`` by a factory that picks a second ``BearerAuth``
subclass when an OAuth token is configured, and also passed per call as ``auth=``. The same
module calls Mailchimp with HTTP basic auth (its own key, not a HubSpot credential). Config is
a nested dict built from ``os.environ``. Cases cover both auth modes and a caller-supplied
key."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "MAILCHIMP_API_KEY": "0123456789abcdef0123456789abcdef-us6",
    "HUBSPOT_LIST_ID": "42",
}

CASE_ENV = {"case_sync_with_oauth_token": {"HUBSPOT_OAUTH_ACCESS_TOKEN": "oauth-listsync"}}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/42/contacts/all.*vidOffset=",
     "json": {"contacts": [{"vid": 3, "properties": {"email": {"value": "cy@example.com"}}}],
              "has-more": False, "vid-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/42/contacts/all",
     "json": {"contacts": [{"vid": 1, "properties": {"email": {"value": "Ann@Example.com"},
                                                     "firstname": {"value": "Ann"}}},
                           {"vid": 2, "properties": {}}], "has-more": True, "vid-offset": 2}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204, "body": ""},
    {"method": "PUT", "url": r"api\.mailchimp\.com", "json": {"id": "x", "status": "subscribed"}},
    {"method": "GET", "url": r"/email/public/v1/subscriptions/timeline",
     "json": {"timeline": [{"recipient": "old@example.com", "changes": [{"change": "UNSUBSCRIBED"}]},
                           {"recipient": "ok@example.com", "changes": [{"change": "SUBSCRIBED"}]}],
              "hasMore": False}},
]


def case_sync_with_api_key(credential):
    from listsync import sync
    sync.run()


def case_sync_with_oauth_token(credential):
    from listsync import sync
    sync.run()


def case_unsubscribed_default_key(credential):
    from listsync import sync
    sync.unsubscribed_in_hubspot()


def case_unsubscribed_for_client_portal(credential):
    from listsync import sync
    sync.unsubscribed_in_hubspot(credential("client_portal"))
