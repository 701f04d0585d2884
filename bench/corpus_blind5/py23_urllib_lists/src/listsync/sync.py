# -*- coding: utf-8 -*-
from __future__ import print_function

import logging
import os
import sys

from listsync import forms, lists

log = logging.getLogger("listsync")

LIST_ID = int(os.environ.get("LISTSYNC_LIST_ID", "42"))
PORTAL_ID = os.environ.get("HUBSPOT_PORTAL_ID", "62515")
FORM_GUID = os.environ.get("LISTSYNC_FORM_GUID", "0f1e2d3c-aaaa-bbbb-cccc-000000000001")


def sync(subscribers, unsubscribed, new_signups=()):
    current = set(lists.members(LIST_ID))
    added = lists.add(LIST_ID, sorted(set(subscribers) - current))
    removed = lists.remove(LIST_ID, sorted(current & set(unsubscribed)))
    for email in new_signups:
        forms.submit(PORTAL_ID, FORM_GUID, email)
    print("added %d, removed %d, %d sign-ups" % (added, removed, len(new_signups)))
    return added, removed


if __name__ == "__main__":
    logging.basicConfig()
    sync(sys.argv[1].split(","), sys.argv[2].split(",") if len(sys.argv) > 2 else [])
