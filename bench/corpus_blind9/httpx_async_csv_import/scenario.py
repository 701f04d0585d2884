"""An async CSV lead importer (2020-2021) on httpx, settings in a pydantic `BaseSettings`
(faked here): `AsyncHubSpot` keeps the key on the
instance and adds it through `_params(**extra)` (`extra["hapikey"] = self.api_key`) to each
`client.request(...)` of an `httpx.AsyncClient(base_url=...)`, or sends an OAuth Bearer
header set on the client when the app runs on a token; batches go out under
`asyncio.gather` with a semaphore; static lists are paged with `offset`. NeverBounce
checks addresses first through its own AsyncClient with its key in the query. A
`--portal-key` option imports into another portal."""

import os
import sys
import types


def _install_pydantic():
    mod = types.ModuleType("pydantic")

    class FieldInfo:
        def __init__(self, default=None, env=None):
            self.default, self.env = default, env

    def Field(default=None, env=None, **kw):
        return FieldInfo(default, env)

    class BaseSettings:
        def __init__(self, **values):
            hints = {}
            for klass in reversed(type(self).__mro__):
                hints.update(getattr(klass, "__annotations__", {}))
            for name, hint in hints.items():
                default = getattr(type(self), name, None)
                env = name.upper()
                if isinstance(default, FieldInfo):
                    env, default = default.env or env, default.default
                value = values.get(name, os.environ.get(env, default))
                if hint is int and isinstance(value, str):
                    value = int(value)
                setattr(self, name, value)

    mod.BaseSettings, mod.Field = BaseSettings, Field
    sys.modules["pydantic"] = mod


_install_pydantic()

ENV = {"HUBSPOT_API_KEY": "key-main", "NEVERBOUNCE_KEY": "nb_secret_1"}

CASE_ENV = {"case_import_oauth": {"HUBSPOT_OAUTH_TOKEN": "oauth-importer"}}

RESPONSES = [
    {"method": "GET", "url": r"neverbounce\.com/v4/single/check.*bo%40globex", "json": {"result": "invalid"}},
    {"method": "GET", "url": r"neverbounce\.com/v4/single/check", "json": {"result": "valid"}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202},
    {"method": "GET", "url": r"/contacts/v1/lists/static.*offset=250",
     "json": {"lists": [{"name": "Imported", "listId": 31}], "has-more": False, "offset": 251}},
    {"method": "GET", "url": r"/contacts/v1/lists/static",
     "json": {"lists": [{"name": "Other", "listId": 30}], "has-more": True, "offset": 250}},
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/add", "json": {"updated": [1, 2]}},
]


def case_import_cli(credential):
    from bulkimport.importer import main
    assert main(["data/leads.csv", "--list", "Imported"]) == 2


def case_import_other_portal(credential):
    from bulkimport.importer import main
    assert main(["data/leads.csv", "--portal-key", credential("eu")]) == 2


def case_import_oauth(credential):
    from bulkimport.importer import main
    assert main(["data/leads.csv", "--list", "Imported"]) == 2
