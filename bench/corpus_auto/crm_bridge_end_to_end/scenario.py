"""The end-to-end fixture of issue #12's "Done when" (a legacy-CRM bridge, 2016-2019):
a settings module (`os.environ[...]`, raises when missing), a constants module with
BASE_URL, a URL prefix and `PARAMS = {"hapikey": settings...}`, a wrapper module
`hubspot_api.send(method, endpoint, params=None, **kwargs)` used by another module, a
`requests.Session` with `session.params` built in `session.py` and used in `sync.py`, a
notebook written without a trailing newline (indent 4, a source given as one string), and
a Python 2 script (`print` statement, `urllib2`; not executed: the harness runs Python 3)."""

import json
import os

ENV = {"HUBSPOT_API_KEY": "key-main", "CRM_LEGACY_URL": "https://crm.internal.example.com/api"}

RESPONSES = [
    {"method": "GET", "url": r"crm\.internal\.example\.com/api/accounts",
     "json": [{"name": "Acme", "domain": "acme.com", "arr": 1200,
               "people": [{"email": "a@acme.com", "first": "A", "last": "Cme"}]},
              {"name": "Initech", "domain": "initech.com", "arr": 800, "people": []}]},
    {"method": "POST", "url": r"/companies/v2/domains/acme\.com/companies",
     "json": {"results": [{"companyId": 31}]}},
    {"method": "POST", "url": r"/companies/v2/domains/.*/companies", "json": {"results": []}},
    {"method": "POST", "url": r"/companies/v2/companies", "json": {"companyId": 32}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 7}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 900}},
    {"method": "GET", "url": r"/deals/v1/pipelines", "json": [{"pipelineId": "default"}]},
    {"method": "GET", "url": r"/contacts/v1/contacts/statistics", "json": {"contacts": 12}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {"companies": [{}, {}]}},
]


def case_bridge_run(credential):
    from bridge import sync

    assert sync.run() == ([900, 900], 1)


def case_notebook(credential):
    path = os.path.abspath("notebooks/check_counts.ipynb")
    with open(path, encoding="utf-8") as fh:
        nb = json.load(fh)
    scope = {"__name__": "__main__"}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            source = cell["source"]
            source = "".join(source) if isinstance(source, list) else source
            exec(compile(source, path, "exec"), scope)
    assert scope["stats"] == {"contacts": 12}
