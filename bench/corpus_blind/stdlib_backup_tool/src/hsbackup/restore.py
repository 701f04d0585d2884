"""Recreate custom contact properties from a backup file in another portal."""
import json

from hsbackup.conn import APIError, request


def restore_properties(path, object_type="contacts"):
    with open(path) as fh:
        snapshot = json.load(fh)
    created = 0
    for group in snapshot["contact_groups"]:
        for prop in group.get("properties", []):
            if prop.get("hubspotDefined"):
                continue
            try:
                request("POST", "/properties/v1/%s/properties" % object_type, {
                    "name": prop["name"], "label": prop["label"], "groupName": group["name"],
                    "type": prop["type"], "fieldType": prop["fieldType"]})
                created += 1
            except APIError:
                request("PUT", "/properties/v1/%s/properties/named/%s" % (object_type, prop["name"]),
                        {"label": prop["label"]})
    return created
