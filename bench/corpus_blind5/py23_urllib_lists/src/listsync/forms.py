# -*- coding: utf-8 -*-
"""Newsletter sign-ups go through the HubSpot form (so the form's workflows run)."""
import json

from listsync.compat import Request, quote, urlencode, urlopen
from listsync.hs import DEFAULT_HEADERS

FORMS_URL = "https://forms.hubspot.com/uploads/form/v2/%s/%s"


def submit(portal_id, form_guid, email, hutk=None, page_url=None):
    fields = {"email": email}
    context = {"pageUrl": page_url or "https://www.example.com/newsletter"}
    if hutk:
        context["hutk"] = hutk
    fields["hs_context"] = json.dumps(context)
    headers = dict(DEFAULT_HEADERS, **{"Content-Type": "application/x-www-form-urlencoded"})
    req = Request(FORMS_URL % (portal_id, quote(form_guid)), urlencode(fields).encode("ascii"), headers)
    return urlopen(req, timeout=10).getcode()
