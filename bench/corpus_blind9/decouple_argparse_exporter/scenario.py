"""A CSV export CLI (2018-2020): settings through python-decouple (`config(...)`, faked
here), an argparse front end with `--api-key` overriding the environment, and a
`HubSpotAPI._request(url, params)` that appends `("hapikey", key)` to a list of query
pairs, paging contacts by `vidOffset` and companies by `offset` in generators. The same
`_request` is reused by the optional Clearbit enrichment for an absolute non-HubSpot URL
(with Clearbit's own Bearer header). A unittest with mock sits in `tests/`."""

import os
import sys
import types

ENV = {"HUBSPOT_API_KEY": "key-main", "CLEARBIT_KEY": "sk_clearbit_55"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=77",
     "json": {"contacts": [{"vid": 78, "properties": {"email": {"value": "b@y.com"}}}],
              "has-more": False, "vid-offset": 78}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 77, "properties": {"email": {"value": "a@y.com"},
                                                      "company": {"value": "Y"}}}],
              "has-more": True, "vid-offset": 77}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 5, "properties": {"name": {"value": "Y Inc"},
                                                            "hubspot_owner_id": {"value": "9"}}}],
              "has-more": False, "offset": 5}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 9, "email": "o@y.com"}]},
    {"method": "GET", "url": r"clearbit\.com", "json": {"employment": {"title": "CTO"}}},
]


def _install_decouple():
    mod = types.ModuleType("decouple")

    class UndefinedValueError(Exception):
        pass

    _undefined = object()

    def config(name, default=_undefined, cast=None):
        if name in os.environ:
            value = os.environ[name]
        elif default is _undefined:
            raise UndefinedValueError(name)
        else:
            value = default
        return cast(value) if cast and isinstance(value, str) else value

    def Csv():
        return lambda value: [v.strip() for v in value.split(",") if v.strip()]

    mod.config, mod.Csv, mod.UndefinedValueError = config, Csv, UndefinedValueError
    sys.modules["decouple"] = mod


_install_decouple()


def case_export_contacts(credential):
    from hs_export import cli
    assert cli.main(["contacts"]) == 0


def case_export_contacts_enriched(credential):
    from hs_export import cli
    assert cli.main(["-v", "contacts", "--enrich"]) == 0


def case_companies_for_other_portal(credential):
    from hs_export import cli
    assert cli.main(["--api-key", credential("client"), "companies"]) == 0
