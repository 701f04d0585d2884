"""A ticket sync (2020-2021): ``config.yaml`` holds ``${HUBSPOT_API_KEY}`` and
``${HUBSPOT_OAUTH_TOKEN}`` expanded with ``os.path.expandvars`` into a frozen ``attrs``
settings class (a hand-rolled .env reader first); FastAPI-style provider functions
(``get_settings`` cached, ``get_hubspot``) build a client with two auth modes: a Bearer
header on the session when an OAuth token is configured, else ``self.auth_params =
{"hapikey": ...}`` merged with ``{**self.auth_params, **params}``. v3 tickets paged with
``paging.next.after``, owners v2, and a helpdesk on another host with its own token."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HELPDESK_TOKEN": "hd-secret-1"}

CASE_ENV = {"case_oauth_mode": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"}}

RESPONSES = [
    {"method": "GET", "url": r"helpdesk\.internal\.example\.com/api/v2/tickets",
     "json": {"tickets": [{"id": 1, "subject": "Printer"}, {"id": 2, "subject": "VPN"}]}},
    {"method": "GET", "url": r"/crm/v3/objects/tickets.*after=",
     "json": {"results": [{"id": "9", "properties": {"external_id": "hd-2"}}]}},
    {"method": "GET", "url": r"/crm/v3/objects/tickets",
     "json": {"results": [{"id": "8", "properties": {"external_id": "hd-7"}}], "paging": {"next": {"after": "8"}}}},
    {"method": "POST", "url": r"/crm/v3/objects/tickets", "json": {"id": "10"}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}, {"ownerId": 2}]},
]


def case_key_mode(credential):
    from ticketsync import sync

    assert sync.sync_open_tickets() == ["10"]
    assert sync.owner_count() == 2


def case_oauth_mode(credential):
    from ticketsync import sync

    assert sync.sync_open_tickets() == ["10"]
    assert sync.owner_count() == 2
