# -*- coding: utf-8 -*-
from listsync import hs


def members(list_id):
    emails, offset = [], None
    while True:
        query = {"count": 100, "property": "email"}
        if offset:
            query["vidOffset"] = offset
        page = hs.call("GET", "/contacts/v1/lists/%d/contacts/all" % list_id, query)
        for contact in page.get("contacts", []):
            emails.append(contact["properties"]["email"]["value"])
        if not page.get("has-more"):
            return emails
        offset = page["vid-offset"]


def add(list_id, emails):
    if not emails:
        return 0
    result = hs.call("POST", "/contacts/v1/lists/%d/add" % list_id, body={"emails": list(emails)})
    return len(result.get("updated", []))


def remove(list_id, emails):
    if not emails:
        return 0
    result = hs.call("POST", "/contacts/v1/lists/%d/remove" % list_id, body={"emails": list(emails)})
    return len(result.get("updated", []))
