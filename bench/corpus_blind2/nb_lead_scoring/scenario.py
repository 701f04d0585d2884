"""A data analyst's lead-scoring notebook (2018-ish) next to a small package: the
notebook's config cell reads the key, a helper cell adds it to each request's params, and
later cells call the helper, a URL with `?hapikey=` pasted inline, and the package
`leadscore.hubspot` whose module-level `DEFAULT_PARAMS = {"hapikey": API_KEY}` is sent by
three functions (copied with dict() once). pandas is imported by the notebook; the
scenario runs the code cells in order (IPython magics skipped) with a tiny pandas stand-in.
"""

import json
import os
import sys
import types

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties",
        "json": [
            {"name": "email", "groupName": "contactinformation"},
            {"name": "ls_score", "groupName": "scoring"},
        ],
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
        "json": {
            "contacts": [
                {
                    "vid": 11,
                    "properties": {
                        "lifecyclestage": {"value": "marketingqualifiedlead"},
                        "hs_analytics_num_page_views": {"value": "44"},
                    },
                },
                {"vid": 12, "properties": {"num_conversion_events": {"value": "1"}}},
            ],
            "has-more": False,
        },
    },
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204},
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "json": {"vid": 11, "properties": {"email": {"value": "x@example.com"}}},
    },
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 1}]},
]


def _pandas_standin():
    module = types.ModuleType("pandas")

    class DataFrame(list):
        def head(self, n=5):
            return self[:n]

    module.DataFrame = DataFrame
    sys.modules.setdefault("pandas", module)


def _run_notebook(name, upto=None):
    _pandas_standin()
    path = os.path.abspath(name)
    with open(path, encoding="utf-8") as handle:
        notebook = json.load(handle)
    namespace = {"__name__": "__main__"}
    cells = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    for cell in cells[:upto]:
        source = "".join(cell["source"])
        lines = [
            "" if line.lstrip().startswith(("%", "!")) else line
            for line in source.split("\n")
        ]
        exec(compile("\n".join(lines), path, "exec"), namespace)
    return namespace


def case_run_whole_notebook(credential):
    namespace = _run_notebook("Lead Scoring.ipynb")
    assert len(namespace["rows"]) == 2


def case_helper_cell_only(credential):
    namespace = _run_notebook("Lead Scoring.ipynb", upto=2)
    namespace["hs_get"]("/contacts/v1/lists/all/contacts/all", count=5)


def case_package_directly(credential):
    from leadscore import hubspot

    hubspot.get_contact(11)
    hubspot.recent_contacts(count=3, since=1500000000000)
    assert hubspot.update_score(12, 10, "D")
