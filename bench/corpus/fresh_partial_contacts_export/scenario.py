"""Ops-team nightly CSV export script (2018-ish): the portal key is baked into
functools.partial(requests.get / requests.post, params={"hapikey": KEY}) in one module,
every call goes through a generic with_retries(fn, *args, **kwargs) wrapper that is also
used to post the summary to a Slack incoming webhook, and pagination is a generator using
vidOffset in the URL and `yield from`; an owners module keeps a module-level URL constant ending in
?hapikey=KEY, passes extra params positionally (requests.get(URL, {...})) and appends
"&email=..." to the constant elsewhere."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T0AB/B0CD/abcdEFGH",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all\?.*vidOffset=0",
        "json": {
            "contacts": [
                {"vid": 11, "properties": {"email": {"value": "a@example.com"}}},
                {"vid": 12, "properties": {"email": {"value": "b@example.com"}}},
            ],
            "has-more": True,
            "vid-offset": 12,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all\?.*vidOffset=12",
        "json": {
            "contacts": [{"vid": 13, "properties": {"firstname": {"value": "Cy"}}}],
            "has-more": False,
            "vid-offset": 13,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/42/contacts/all",
        "json": {"contacts": [{"vid": 99, "properties": {}}], "has-more": False},
    },
    {"method": "POST", "url": r"/contacts/v1/contact/batch", "status": 202, "text": ""},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
    {"method": "GET", "url": r"/owners/v2/owners\?.*email=", "json": [{"ownerId": 31, "email": "sam@acme.io"}]},
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [{"ownerId": 31, "firstName": "Sam", "lastName": "Ortiz", "email": "sam@acme.io"}],
    },
]


def case_full_export(credential):
    import io

    import export_contacts

    out = io.StringIO()
    export_contacts.run(out)


def case_list_export(credential):
    import io

    import export_contacts

    export_contacts.run(io.StringIO(), list_id=42)


def case_iter_only(credential):
    from hsexport import contacts

    rows = [contacts.flatten(c) for c in contacts.iter_contacts()]
    assert len(rows) == 3, rows


def case_owner_columns(credential):
    from hsexport import owners

    assert owners.owner_label("31") == "Sam Ortiz <sam@acme.io>"
    owners.all_owners(include_inactive=True)
    owners.owner_by_email("sam@acme.io")
