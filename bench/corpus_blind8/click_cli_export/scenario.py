"""A click CLI (2019): a group option ``--hapikey`` (``envvar="HUBSPOT_API_KEY"``) is
handed to an ``Exporter(hapikey)`` class kept in ``ctx.obj``; the exporter pages deals v1
(``offset``/``hasMore``) and companies v2 (``offset``/``has-more``) with one params dict
(holding the key) reused across pages through a ``functools.partial`` of
``session.get``; owners v2 with a ``%`` URL; properties v1 read and created. A
``copy-properties`` command takes a second portal's key as ``--to-hapikey`` and reads its property groups."""

import os
import tempfile

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=",
     "json": {"deals": [{"dealId": 3, "properties": {"dealname": {"value": "C"}}}], "hasMore": False, "offset": 3}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"dealId": 1, "properties": {"amount": {"value": "10"}}}, {"dealId": 2, "properties": {}}],
              "hasMore": True, "offset": 2}},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=",
     "json": {"companies": [{"companyId": 8, "properties": {}}], "has-more": False, "offset": 8}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 7, "properties": {"name": {"value": "Acme"}}}], "has-more": True, "offset": 7}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1, "email": "a@x"}, {"ownerId": 2}]},
    {"method": "GET", "url": r"/properties/v1/deals/groups", "json": [{"name": "custom"}, {"name": "dealinformation"}]},
    {"method": "GET", "url": r"/properties/v1/deals/properties",
     "json": [{"name": "dealname", "hubspotDefined": True}, {"name": "region", "label": "Region", "type": "string",
              "fieldType": "text", "groupName": "custom"}, {"name": "x", "groupName": "dealinformation"}]},
    {"method": "POST", "url": r"/properties/v1/deals/properties", "json": {"name": "region"}},
]


def _out(name):
    return os.path.join(tempfile.mkdtemp(), name)


def case_export_deals_env_key(credential):
    from hsexport import cli

    cli.main(["--page-size", "2", "deals", _out("deals.csv")])


def case_export_companies_option_key(credential):
    from hsexport import cli

    cli.main(["--hapikey", credential("cli"), "companies", _out("companies.csv")])


def case_owners(credential):
    from hsexport import cli

    cli.main(["owners"])


def case_copy_properties_between_portals(credential):
    from hsexport import cli

    cli.main(["copy-properties", "deals", "--to-hapikey", credential("target")])
