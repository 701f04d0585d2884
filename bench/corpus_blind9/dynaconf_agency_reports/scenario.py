"""An agency's weekly reporting job (2020-2021): settings through dynaconf
(`settings.HUBSPOT.API_KEY` from `AGENCY_HUBSPOT__API_KEY`, faked here, with a
settings.toml), clients' portal keys or OAuth tokens in a sqlite table, a `PortalClient`
that picks `dict(params, hapikey=self.api_key)` or a Bearer header in `_auth()`, offset
paging of deals, and notes posted to the agency's own portal with its own key."""

import os
import sys
import types

ENV = {"AGENCY_HUBSPOT__API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/crm-pipelines/v1/pipelines/deals",
     "json": {"results": [{"pipelineId": "default",
                           "stages": [{"stageId": "s1", "label": "Qualified"},
                                      {"stageId": "s2", "label": "Won"}]}]}},
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=40",
     "json": {"deals": [{"properties": {"dealstage": {"value": "s2"}}}], "hasMore": False, "offset": 41}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"properties": {"dealstage": {"value": "s1"}}}], "hasMore": True, "offset": 40}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 5}}},
]


class _Box(dict):
    def __getattr__(self, name):
        for key in (name, name.lower(), name.upper()):
            if key in self:
                value = self[key]
                return _Box(value) if isinstance(value, dict) else value
        raise AttributeError(name)


def _install_dynaconf():
    import tomllib
    mod = types.ModuleType("dynaconf")

    class Dynaconf(_Box):
        def __init__(self, envvar_prefix="DYNACONF", settings_files=(), environments=False, **kw):
            data = {}
            for path in settings_files:
                if os.path.exists(path):
                    with open(path, "rb") as fh:
                        loaded = tomllib.load(fh)
                    data.update(loaded.get("default", {}) if environments else loaded)
            prefix = envvar_prefix + "_"
            for name, value in os.environ.items():
                if name.startswith(prefix):
                    parts = name[len(prefix):].lower().split("__")
                    target = data
                    for part in parts[:-1]:
                        target = target.setdefault(part, {})
                    target[parts[-1]] = value
            super().__init__(data)

    mod.Dynaconf = Dynaconf
    sys.modules["dynaconf"] = mod


_install_dynaconf()


def case_weekly_reports(credential):
    from agency import db
    db.add_client("Acme", hubspot_key=credential("acme"))
    db.add_client("Globex", oauth_token="oauth-globex")
    db.add_client("Gone", hubspot_key=credential("gone"), active=False)
    import run_reports
    assert run_reports.main() == 0


def case_one_client_summary(credential):
    from agency import db, reports
    from agency.hubspot import PortalClient
    cid = db.add_client("Initech", hubspot_key=credential("initech"))
    summary = reports.pipeline_summary(PortalClient.for_client(db.get_client(cid)))
    assert summary == {"Qualified": 1, "Won": 1}, summary


def case_agency_portal_only(credential):
    from agency.hubspot import agency_portal
    assert agency_portal().pipeline_stages("default")
