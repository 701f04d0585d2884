"""A home-grown task queue (2018): ``HubSpotConfig`` objects (``from_env()`` classmethod,
``base_url`` class attribute) are passed to every task and to ``hs.request(cfg, method,
path, **kwargs)``, which does ``kwargs.setdefault("params", {}).setdefault("hapikey",
cfg.api_key)`` and passes ``**kwargs`` to ``requests.request``; tasks use contacts v1,
companies v2 and deals v1, and one the hapipy ``LeadsClient(api_key=...)``. A task checks
a sandbox portal's key by passing ``params={"hapikey": sandbox_key}`` so that the
config's key is not added. ``tests/`` asserts ``hapikey`` with requests_mock."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEFAULT_OWNER": "31"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/recent",
     "json": {"contacts": [{"vid": 1, "properties": {"hubspot_owner_id": {"value": "2"}}},
                           {"vid": 2, "properties": {}}, {"vid": 3, "properties": {}}]}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204},
    {"method": "GET", "url": r"/companies/v2/companies/\d+/vids", "json": {"vids": [1, 2]}},
    {"method": "GET", "url": r"/deals/v1/deal/associated/company/\d+/paged",
     "json": {"deals": [{"properties": {"amount": {"value": "100.5"}}}, {"properties": {}}]}},
    {"method": "PUT", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 8}},
    {"method": "SDK", "url": r"LeadsClient\.get_leads", "json": [{"guid": "l1"}]},
    {"method": "GET", "url": r"/integrations/v1/me", "json": {"portalId": 99}},
]


def case_assign_new_contacts(credential):
    from worker import tasks

    assert tasks.assign_new_contacts.delay() == 2


def case_company_rollup_queued(credential):
    from worker import queue, tasks  # noqa: F401

    assert queue.enqueue("company_rollup", 8) == 100.5


def case_rollup_other_portal(credential):
    from worker import tasks
    from worker.config import HubSpotConfig

    assert tasks.company_rollup(9, cfg=HubSpotConfig(credential("client"), timeout=5)) == 100.5


def case_legacy_leads(credential):
    from worker import tasks

    assert tasks.legacy_leads_export() == 1


def case_ping_sandbox(credential):
    from worker import tasks

    assert tasks.ping_sandbox(credential("sandbox")) == {"portalId": 99}
