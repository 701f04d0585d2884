"""Marketing-ops package with a notebook beside it (2019): `HubSpotAPI` whose
get/post/put/delete delegate to `_request(method, path, **kwargs)` (key by
`params.setdefault("hapikey", ...)`, the constructor's default argument read from the
environment at import), a module-level instance used from four modules, a closure
over a sandbox portal's key handed in by the caller, and a notebook that imports the
package and also calls the API directly with `requests`."""

import json
import os

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/lists\?",
        "json": {"lists": [{"name": "Newsletter"}, {"name": "VIP"}]},
    },
    {"method": "POST", "url": r"/contacts/v1/lists", "json": {"listId": 31}},
    {"method": "DELETE", "url": r"/contacts/v1/lists/\d+", "status": 204},
    {
        "method": "GET",
        "url": r"/email/public/v1/campaigns/by-id",
        "json": {"campaigns": [{"id": 1}, {"id": 2}]},
    },
    {
        "method": "GET",
        "url": r"/email/public/v1/campaigns/1",
        "json": {"counters": {"open": 40}},
    },
    {
        "method": "GET",
        "url": r"/email/public/v1/campaigns/2",
        "json": {"counters": {"open": 3}},
    },
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/properties",
        "json": [{"name": "email"}, {"name": "source_detail"}],
    },
    {
        "method": "PUT",
        "url": r"/properties/v1/contacts/properties/named/",
        "json": {"name": "source_detail"},
    },
    {
        "method": "POST",
        "url": r"/properties/v1/contacts/properties",
        "json": {"name": "new_prop"},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/51/profile",
        "json": {"properties": {"email": {"value": "x@example.com"}}},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
        "json": {"contacts": [{}, {}], "has-more": False},
    },
]


def case_lists(credential):
    from hsops import lists

    assert lists.list_names() == ["Newsletter", "VIP"]
    list_id = lists.create_static("Webinar Q3")
    lists.drop(list_id)


def case_properties(credential):
    from hsops import props

    props.ensure_property("source_detail", "Source detail")
    props.ensure_property("new_prop", "New")


def case_copy_from_sandbox(credential):
    from hsops import portal
    from hsops.api import api

    assert portal.copy_list_names(credential("sandbox"), api) == ["Newsletter", "VIP"]


def case_notebook(credential):
    with open("marketing_ops.ipynb") as fh:
        nb = json.load(fh)
    namespace = {"__name__": "__main__"}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            exec(
                compile(source, os.path.abspath("marketing_ops.ipynb"), "exec"),
                namespace,
            )
    assert namespace["names"] == ["Newsletter", "VIP"]
    assert namespace["stats"] == {1: 40, 2: 3}
    assert len(namespace["recent"]["contacts"]) == 2
