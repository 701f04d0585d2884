"""Marketing reporting (2017): a `HubSpotClient` class with `params = {"hapikey": KEY}`
and `base` as class attributes, sent by five methods as `self.params`,
`dict(self.params, ...)` or a copy updated in a paging loop; a `FormsClient` whose
`__init__` keeps `api_key` (or the configured key) and a `self.query` dict used by the
other methods; a report module builds both. The key is read from a `settings.ini`
(configparser) next to the package, the environment being the fallback. `property_help.py` is a generated module
with a 15,000-piece implicit string concatenation (like the standard library's
`pydoc_data/topics.py`) and a refresh function that sends the key."""

ENV = {"HS_PORTAL_ID": "62515"}

RESPONSES = [
    {"method": "GET", "url": r"/email/public/v1/campaigns/by-id",
     "json": {"campaigns": [{"id": 11}, {"id": 12}]}},
    {"method": "GET", "url": r"/email/public/v1/campaigns/\d+", "json": {"name": "Spring"}},
    {"method": "GET", "url": r"/email/public/v1/events.*offset=x1",
     "json": {"events": [{"id": "e2"}], "hasMore": False}},
    {"method": "GET", "url": r"/email/public/v1/events",
     "json": {"events": [{"id": "e1"}], "hasMore": True, "offset": "x1"}},
    {"method": "GET", "url": r"/content/api/v2/blog-posts",
     "json": {"objects": [{"id": 5, "state": "PUBLISHED"}, {"id": 6, "state": "DRAFT"}]}},
    {"method": "POST", "url": r"/publish-action", "status": 204, "text": ""},
    {"method": "GET", "url": r"/properties/v1/contacts/properties",
     "json": [{"name": "email", "description": "E-mail"}, {"name": "score"}]},
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"guid": "g-1", "name": "Contact us"}]},
    {"method": "GET", "url": r"/forms/v2/fields/g-1", "json": [{"name": "email"}, {"name": "message"}]},
    {"method": "GET", "url": r"/form-integrations/v1/submissions/forms/g-1",
     "json": {"results": [{"submittedAt": 1}]}},
]


def case_campaign_opens(credential):
    from mktg import report

    assert report.campaign_opens(1234) == [(11, "Spring", 2), (12, "Spring", 2)]


def case_blog(credential):
    from mktg.hubspot import HubSpotClient

    hs = HubSpotClient()
    assert [p["id"] for p in hs.blog_posts()] == [5]
    assert hs.publish_post(6)


def case_forms_csv(credential):
    from mktg import report

    assert "Contact us" in report.forms_csv()


def case_forms_client_key(credential):
    from mktg.hubspot import FormsClient

    FormsClient(api_key=credential("other")).forms()


def case_property_help_refresh(credential):
    from mktg import property_help

    assert property_help.refresh() == [("email", "E-mail"), ("score", "")]
    assert len(property_help.PROPERTY_HELP) > 90000
