"""A marketing team's helper package (2016-2020): a decorator injects params with the key
(params.setdefault("hapikey", KEY)) into each decorated function's kwargs, which send it
through getattr(requests, method.lower()); another author used a requests AuthBase hook
calling r.prepare_url(r.url, {"hapikey": ...}) plus Request/prepare_request/send; a
by-hand script still has an old portal's key hard-coded."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/marketing-emails/v1/emails\?", "json": {"objects": [{"id": 71, "name": "March news"}]}},
    {"method": "GET", "url": r"/with-statistics/71", "json": {"stats": {"counters": {"open": 340}}}},
    {"method": "GET", "url": r"/content/api/v2/blog-posts", "json": {"objects": [{"name": "Hello"}]}},
    {"method": "DELETE", "url": r"/content/api/v2/blog-posts/", "status": 204},
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"name": "Contact us"}]},
    {"method": "GET", "url": r"/broadcast/v1/channels", "json": [{"channelGuid": "abc"}]},
    {"method": "POST", "url": r"/broadcast/v1/broadcasts", "status": 201, "json": {"broadcastGuid": "b1"}},
]


def case_digest(credential):
    import weekly_digest

    assert len(weekly_digest.digest()) == 2


def case_archive_post(credential):
    from marketing import hs

    hs.archive_post(5150)


def case_old_portal_forms(credential):
    import weekly_digest

    weekly_digest.old_portal_forms()


def case_social_default_key(credential):
    from marketing import social

    social.channels()
    social.schedule("abc", "We're hiring!", 1600000000000)


def case_social_client_key(credential):
    from marketing import social

    social.channels(api_key=credential("brand"))
    social.schedule("abc", "Launch day", 1600000000000, api_key=credential("brand"))
