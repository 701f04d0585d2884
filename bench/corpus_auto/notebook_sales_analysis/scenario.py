"""Sales analysis notebook (2019): a Jupyter notebook written by another tool (JSON with
indent 2, keys in its own order, no trailing newline, a `!pip install` line) sends the key
in `params=` and by URL concatenation and imports a helper module that adds it to paged
requests; `legacy/owners_py2.py` is a Python 2 script (print statement, urllib2) that the
harness cannot run (Python 3 only): it is not executed, only migrated or reported."""

import json
import os

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"ownerId": 1, "firstName": "Ann"}, {"ownerId": 2, "firstName": "Bo"}]},
    {"method": "GET", "url": r"/deals/v1/deal/paged.*offset=0",
     "json": {"deals": [{"properties": {"amount": {"value": "10"},
                                        "hubspot_owner_id": {"value": "1"}}}],
              "hasMore": True, "offset": 1}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"properties": {"amount": {"value": "5"},
                                        "hubspot_owner_id": {"value": "2"}}}],
              "hasMore": False, "offset": 2}},
    {"method": "GET", "url": r"/deals/v1/pipelines", "json": [{"pipelineId": "default"}]},
]


def run_notebook(path):
    """Execute the code cells as Jupyter would (shell and magic lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        nb = json.load(fh)
    scope = {"__name__": "__main__"}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = cell["source"]
        source = "".join(source) if isinstance(source, list) else source
        lines = [
            "" if line.lstrip().startswith(("!", "%")) else line
            for line in source.splitlines()
        ]
        exec(compile("\n".join(lines), os.path.abspath(path), "exec"), scope)
    return scope


def case_notebook(credential):
    scope = run_notebook("notebooks/q3_pipeline.ipynb")
    assert scope["by_owner"] == {"Ann": 10.0, "Bo": 5.0}, scope["by_owner"]


def case_helper(credential):
    import hs_helpers

    assert len(hs_helpers.paged("https://api.hubapi.com/deals/v1/deal/paged", "deals")) == 2
