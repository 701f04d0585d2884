"""An agency's reporting backend (2018): `constants.py` holds the agency key, a
`PARAMS = {"hapikey": ...}` dict and a `%`-template path with `hapikey=%s`;
`http.py` configures a shared `requests.Session` with `session.params.update(PARAMS)`
used by another module; client portals' keys arrive in the dashboard request (query or
header) and are sent with `dict(query, hapikey=key)`, a copied PARAMS overridden, or the
http.client template (email v1 campaigns, analytics v2, deals v1 pipelines, contacts v1);
Slack is notified on request."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/analytics/v2/reports/sources/total/monthly",
        "json": {"201801": []},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/pipelines",
        "json": [{"label": "Sales"}, {"label": "Renewals"}],
    },
    {
        "method": "GET",
        "url": r"/email/public/v1/campaigns/by-id",
        "json": {"campaigns": [{"id": 1}]},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/recent",
        "json": {"contacts": [{}, {}]},
    },
]


def case_agency_dashboard(credential):
    from agency import views

    out = views.report_view({"GET": {"start": "20180201", "end": "20180228"}})
    assert '"new_contacts": 2' in out["body"]


def case_client_dashboard_query_key(credential):
    from agency import views

    views.report_view(
        {
            "GET": {"portal_key": credential("client")},
            "notify": "https://hooks.slack.com/services/A/B/C",
        }
    )


def case_client_dashboard_header_key(credential):
    from agency import views

    views.report_view({"GET": {}, "headers": {"X-Portal-Key": credential("other")}})
