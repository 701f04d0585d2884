"""A connector library (2019-2021) that runs either on an API key or on OAuth, chosen by
HUBSPOT_AUTH_MODE: the key lives in a class's default params merged with
{**self.defaults, **params}, is added by params.update(auth.auth_params()) after the
query is built, or by params.update({...} if not oauth else {}); the OAuth header comes
from a separate auth_headers() helper."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

CASE_ENV = {
    "case_oauth_mode": {
        "HUBSPOT_AUTH_MODE": "oauth",
        "HUBSPOT_OAUTH_ACCESS_TOKEN": "oauth-install1",
    },
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/engagements/v1/engagements/recent/modified",
        "json": {
            "results": [
                {"engagement": {"id": 10, "type": "TASK", "active": False}},
                {"engagement": {"id": 11, "type": "NOTE", "active": True}},
            ]
        },
    },
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 12}}},
    {"method": "DELETE", "url": r"/engagements/v1/engagements/\d+", "status": 204},
]


def case_create_note(credential):
    from connector.engagements import Engagements

    Engagements().create("NOTE", "Called about renewal", contact_ids=[5, 6], owner_id=9)


def case_purge(credential):
    from connector.engagements import Engagements

    assert Engagements().purge_stale_tasks() == 1


def case_oauth_mode(credential):
    from connector.engagements import Engagements

    e = Engagements()
    e.recent(since=1577836800000)
    e.create("CALL", "intro")
    e.remove(99)
