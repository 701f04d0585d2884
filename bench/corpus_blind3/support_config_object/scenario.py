"""Support-desk bot (2018-ish): a `Config` object built from env in `__init__` and passed
to every function, with a `hubspot_params` property merged into a `_get(config, path,
**params)` helper; `log_call(..., key=os.environ.get(...) default argument, **extra)`
called with the config's key; a forms v3 submission that also sent `?hapikey=` (must send
nothing after); an in-house desk API with its own token."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "DESK_INTERNAL_TOKEN": "internal-desk-token-1",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"desk\.internal\.example\.com/api/tickets",
        "json": [
            {"email": "known@x.io", "subject": "Refund"},
            {"email": "new@x.io", "subject": "Invoice"},
        ],
    },
    {"method": "GET", "url": r"/contacts/v1/contact/email/known", "json": {"vid": 71}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {}},
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties",
        "json": [{"name": "tier", "groupName": "support"}, {"name": "x"}],
    },
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"guid": "g1"}]},
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 3}},
    },
    {
        "method": "POST",
        "url": r"api\.hsforms\.com",
        "json": {"inlineMessage": "Thanks"},
    },
]


def case_main(credential):
    from deskbot import bot

    assert bot.main() == [71]


def case_log_call_default_key(credential):
    from deskbot import crm
    from deskbot.config import Config

    assert crm.log_call(Config(), 71, "Follow-up", duration=30) == 3


def case_config_override(credential):
    from deskbot import crm
    from deskbot.config import Config

    cfg = Config(hubspot_key=credential("sandbox"))
    assert crm.forms(cfg) == [{"guid": "g1"}]
