"""A wrapper class (2019 f-strings) whose methods return ``(url, kwargs)`` request specs
with ``params`` holding ``self.auth = {"hapikey": api_key}`` (copied with ``dict(...)``,
extended with ``dict(self.auth, properties=...)`` or ``{**self.auth, "id": ...}``, or the
dict itself); a dispatcher pops ``method`` and sends them with one session. Jobs take the
key as their first argument through ``run_job(name, *args)`` and
``functools.partial(run_job, name, DEFAULT_KEY)``; one job builds the same class with the
developer key for webhooks settings."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEVELOPER_KEY": "devkey-app"}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/\d+", "json": {"properties": {"name": {"value": "Hooli"}}}},
    {"method": "PUT", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 5}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202},
    {"method": "GET", "url": r"/contacts/v1/contact/email/a@x\.io/profile", "json": {"vid": 1}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/b@x\.io/profile", "json": {"vid": 2}},
    {"method": "PUT", "url": r"/deals/v1/deal/\d+/associations/COMPANY", "status": 204},
    {"method": "GET", "url": r"/webhooks/v1/8080/settings", "json": {"webhookUrl": "https://x"}},
]

ROWS = [{"email": "a@x.io", "first": "A"}, {"email": "b@x.io", "first": "B"}]


def case_default_portal_jobs(credential):
    from hsjobs import jobs

    assert jobs.default_job("tag_company")(5, "gold") == "Hooli"
    assert jobs.default_job("import_contacts")(ROWS) == [1, 2]
    jobs.default_job("link_deals")([(10, 5), (11, 5)])


def case_client_portal_jobs(credential):
    from hsjobs import jobs

    assert jobs.run_job("tag_company", credential("client"), 6, "silver") == "Hooli"
    jobs.run_job("link_deals", credential("client"), [(12, 6)])


def case_check_app(credential):
    from hsjobs import jobs

    assert jobs.check_app(8080) == {"webhookUrl": "https://x"}
