"""A reporting folder (2018-2021): `analysis.ipynb` (saved by a script: indent 2, no
trailing newline, a `!pip` line) reads the key from the environment in one cell and uses
it in f-string and `+`-built URLs in later cells (deals v1 paged, owners v2), and uses the
`hsreports` package, whose `Reports` class keeps the key in a class attribute read at
import and adds it with `query.update(hapikey=self.key)` (contacts v1 all with vidOffset,
forms v2, email campaigns). `legacy/export_py27.py` is a Python 2.7 script (print
statements, `except X, e`, urllib2) the harness cannot run. The scenario runs the
notebook's code cells in order, compiled under the notebook's path, shell lines skipped."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {"deals": [
        {"dealId": 1, "properties": {"amount": {"value": "100"}}},
        {"dealId": 2, "properties": {}}], "hasMore": False}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=2", "json": {
        "contacts": [{"vid": 3, "properties": {"lifecyclestage": {"value": "customer"}}}],
        "has-more": False, "vid-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "json": {
        "contacts": [{"vid": 1, "properties": {"lifecyclestage": {"value": "lead"}}},
                     {"vid": 2, "properties": {}}], "has-more": True, "vid-offset": 2}},
    {"method": "GET", "url": r"/forms/v2/forms", "json": [{"name": "Contact us"}]},
    {"method": "GET", "url": r"/email/public/v1/campaigns/by-id", "json": {"campaigns": [{"id": 9}]}},
    {"method": "GET", "url": r"/owners/v2/owners/12", "json": {"email": "o@corp.io"}},
]


def case_run_notebook(credential):
    import json
    import os

    path = os.path.abspath("analysis.ipynb")
    with open(path) as fh:
        nb = json.load(fh)
    namespace = {"__name__": "__main__"}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        lines = "".join(cell["source"]).split("\n")
        code = "\n".join("" if l.lstrip().startswith(("!", "%")) else l for l in lines)
        exec(compile(code, path, "exec"), namespace)
    assert namespace["stages"] == {"lead": 1, "unknown": 1, "customer": 1}
    assert namespace["campaigns"] == [9]


def case_package_direct(credential):
    from hsreports import Reports

    assert Reports().form_names() == ["Contact us"]
