"""A settings-file-driven toolbox (2019): `loader.load(path)` reads YAML (with `${VAR}`
expanded), INI (expandvars) or JSON (naming the environment variable) into a dict, a
`Config` object built from it is passed to every task, and `cfg.auth_params(**extra)`
puts the key into the caller's keyword dict; forms v2 listing, properties v1 groups and
create, and a v3 form submission to api.hsforms.com (no key). A `.env` loader exists
(no .env file in the repo)."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"guid": "a"}, {"guid": "b"}]},
    {"method": "GET", "url": r"/properties/v1/contacts/groups", "json": [{"name": "contactinformation"}]},
    {"method": "POST", "url": r"/properties/v1/contacts/properties", "json": {"name": "loyalty_tier"}},
    {"method": "POST", "url": r"api\.hsforms\.com", "json": {"inlineMessage": "Thanks"}},
]


def case_yaml(credential):
    import run

    assert run.main("settings.yaml") == (2, 1)


def case_ini(credential):
    import run

    assert run.main("settings.ini") == (2, 1)


def case_json(credential):
    import run

    assert run.main("settings.json") == (2, 1)
