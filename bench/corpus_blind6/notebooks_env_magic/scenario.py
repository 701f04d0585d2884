"""An analysis repository (2019): `hsnb/api.py` with `fetch_all(path, api_key, results_key,
**params)` (has-more/offset pages) and a keyless `get_json(url, **params)`, and two
notebooks beside it: `deal_velocity.ipynb` keeps the key in a cell variable, calls the
helper, requests directly with `params={KEYPARAM: KEY}`, and fetches FX rates from
another host through the keyless helper; `contacts_cleanup.ipynb` sets the key with
`%env HUBSPOT_API_KEY=...` (a magic) and reads it with `os.environ`, building URLs by
hand for urllib (list, then DELETE). The notebooks are run cell by cell: `%env` lines set
the variable as IPython would, other magics are skipped."""

import json
import os

ENV = {}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=250", "json": {
        "companies": [{"companyId": 2}], "has-more": False, "offset": 251}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {
        "companies": [{"companyId": 1}], "has-more": True, "offset": 250}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/created", "json": {"results": [
        {"properties": {"amount": {"value": "100"}}}, {"properties": {"amount": {"value": "50"}}}]}},
    {"method": "GET", "url": r"api\.exchangerate\.host/latest", "json": {"rates": {"EUR": 0.5}}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "json": {"contacts": [
        {"vid": 1, "is-contact": True}, {"vid": 2, "is-contact": False}, {"vid": 3, "is-contact": False}]}},
    {"method": "DELETE", "url": r"/contacts/v1/contact/vid/\d+", "json": {"deleted": True}},
]


def run_notebook(path):
    with open(path) as fh:
        notebook = json.load(fh)
    namespace = {"__name__": "__main__"}
    cwd = os.getcwd()
    os.chdir(os.path.dirname(path))
    try:
        last = None
        for cell in notebook["cells"]:
            if cell["cell_type"] != "code":
                continue
            lines = []
            for line in "".join(cell["source"]).splitlines():
                stripped = line.strip()
                if stripped.startswith("%env "):
                    name, _, value = stripped[5:].partition("=")
                    os.environ[name.strip()] = value.strip()
                elif stripped.startswith(("%", "!")):
                    continue
                else:
                    lines.append(line)
            code = "\n".join(lines)
            exec(compile(code, path, "exec"), namespace)
            tail = code.strip().splitlines()[-1] if code.strip() else ""
            if tail and not tail.startswith((" ", "def ", "for ", "import ", "from ")) and "=" not in tail:
                last = eval(tail, namespace)
        return last
    finally:
        os.chdir(cwd)


def case_deal_velocity(credential):
    result = run_notebook("notebooks/deal_velocity.ipynb")
    assert result == {"companies": 2, "deals": 2, "total_eur": 75.0}, result


def case_contacts_cleanup(credential):
    assert run_notebook("notebooks/contacts_cleanup.ipynb") == 2


def case_helper_from_script(credential):
    from hsnb.api import fetch_all
    assert len(fetch_all("/companies/v2/companies/paged", credential("client"), "companies")) == 2
