"""A Zoom -> HubSpot timeline sync (2018-2020): one `Api.send(method, path, ..., key=None,
token=None)` builds a `requests.Request`, puts `hapikey` into `req.params` when given a
key or a Bearer header when given a token, prepares it with `session.prepare_request` and
sends it with `session.send`, logging the prepared URL. The same class talks to Zoom (its
JWT as Bearer), the timeline event types take the developer key through the same `key=`,
timeline events go with the install's OAuth token, and contact lookups and creation use
the portal key."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-timeline",
    "HUBSPOT_APP_ID": "38211",
    "HUBSPOT_OAUTH_TOKEN": "oauth-install3",
    "ZOOM_JWT": "eyJzoom.jwt.sig",
}

RESPONSES = [
    {"method": "GET", "url": r"api\.zoom\.us/v2/report/webinars/.*next_page_token=p2",
     "json": {"participants": [{"user_email": "new@x.io", "name": "New Person", "duration": 1200}],
              "next_page_token": ""}},
    {"method": "GET", "url": r"api\.zoom\.us/v2/report/webinars/",
     "json": {"participants": [{"user_email": "ann@x.io", "name": "Ann", "duration": 3600},
                               {"name": "phone caller"}],
              "next_page_token": "p2"}},
    {"method": "GET", "url": r"/integrations/v1/38211/timeline/event-types",
     "json": [{"id": 100, "name": "Downloaded ebook"}]},
    {"method": "POST", "url": r"/integrations/v1/38211/timeline/event-types", "json": {"id": 101}},
    {"method": "PUT", "url": r"/integrations/v1/38211/timeline/event", "status": 204},
    {"method": "GET", "url": r"/contacts/v1/contact/email/ann@x\.io/profile", "json": {"vid": 7}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "status": 404, "json": {}},
    {"method": "POST", "url": r"/contacts/v1/contact(?:\?|$)", "json": {"vid": 8}},
]


def case_cli_sync(credential):
    import cli
    assert cli.main(["8831", "--topic", "Onboarding", "--debug"]) == 2


def case_lookup_only(credential):
    from webinar_sync import hubspot
    assert hubspot.vid_for("ann@x.io") == 7
    assert hubspot.vid_for("nobody@x.io") is None


def case_event_type_admin(credential):
    from webinar_sync import hubspot
    assert hubspot.ensure_event_type("Downloaded ebook", "x") == 100
