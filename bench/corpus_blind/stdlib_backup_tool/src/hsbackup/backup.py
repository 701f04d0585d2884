import json
import os

from hsbackup.conn import request


def all_lists():
    lists, offset = [], 0
    while True:
        page = request("GET", "/contacts/v1/lists?count=250&offset=%d" % offset)
        lists.extend(page["lists"])
        if not page["has-more"]:
            return lists
        offset = page["offset"]


def property_groups(object_type):
    return request("GET", "/properties/v1/%s/groups?includeProperties=true" % object_type)


def workflows():
    return request("GET", "/automation/v3/workflows")["workflows"]


def run(out_dir):
    snapshot = {
        "lists": all_lists(),
        "contact_groups": property_groups("contacts"),
        "deal_groups": property_groups("deals"),
        "workflows": workflows(),
    }
    path = os.path.join(out_dir, "portal.json")
    with open(path, "w") as fh:
        json.dump(snapshot, fh, indent=2, sort_keys=True)
    return path
