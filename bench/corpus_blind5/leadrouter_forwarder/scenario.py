"""Lead routing service (2021): one `Api.request(method, target, **kwargs)` wrapper
takes a HubSpot path or a full URL; callers send it HubSpot paths, HubSpot's own
`paging.next.link` URLs, our intake webhook, a Slack webhook and an S3 presigned upload
URL. The key is added only for HubSpot hosts, inside `request()`; a token put on every
request would reach Slack, S3 and the intake service."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "POST",
        "url": r"/crm/v3/objects/contacts/search",
        "json": {
            "results": [
                {"id": "301", "properties": {"email": "a@example.com"}},
                {"id": "302", "properties": {"email": "b@example.com"}},
            ]
        },
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/contacts\?.*after=2",
        "json": {"results": [{"id": "3"}]},
    },
    {
        "method": "GET",
        "url": r"/crm/v3/objects/contacts",
        "json": {
            "results": [{"id": "1"}, {"id": "2"}],
            "paging": {
                "next": {
                    "after": "2",
                    "link": "https://api.hubapi.com/crm/v3/objects/contacts?limit=100&properties=email&after=2",
                }
            },
        },
    },
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 77}},
    },
    {"method": "PUT", "url": r"s3\.amazonaws\.com", "text": ""},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_route_new_leads(credential):
    from leadrouter import route

    assert route.run(1600000000000) == 2


def case_all_contacts(credential):
    from leadrouter import contacts
    from leadrouter.app import make_api

    assert [c["id"] for c in contacts.all_contacts(make_api())] == ["1", "2", "3"]


def case_attach_quote(credential):
    from leadrouter import attachments
    from leadrouter.app import make_api

    attachments.attach_pdf(
        make_api(),
        301,
        "https://quotes-bucket.s3.amazonaws.com/q/301.pdf?X-Amz-Signature=abc123&X-Amz-Expires=600",
        b"%PDF-1.4 fake",
        "https://quotes.example.com/q/301.pdf",
    )
