"""A 2016 single-file sync script grown into three modules: ``hubspot_utils.py`` with
``BASE``, ``API_KEY = os.getenv(...)`` and functions building URLs by concatenation and
``%`` (``?hapikey=`` + key), one ``params={"hapikey": API_KEY}`` and a vidOffset loop
reusing its params dict; scripts import the functions (``from hubspot_utils import ...``)
and one checks ``hubspot_utils.API_KEY`` at start-up and exits when it is empty. A form
submission to forms.hubspot.com (no key) sits next to the keyed calls; a tests/ folder
asserts ``hapikey=`` in URLs with ``responses``."""

import os
import tempfile

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_PORTAL_ID": "4411"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=",
     "json": {"contacts": [{"vid": 3, "properties": {"email": {"value": "c@x.io"}}}],
              "has-more": False, "vid-offset": 3}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 1, "properties": {"email": {"value": "a@x.io"}}},
                           {"vid": 2, "properties": {}}], "has-more": True, "vid-offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/nobody@x\.io/profile", "status": 404,
     "json": {"status": "error"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 51}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/51/profile", "json": {"vid": 51}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204},
    {"method": "GET", "url": r"/deals/v1/deal/900", "json": {"properties": {"dealstage": {"value": "closedlost"}}}},
    {"method": "GET", "url": r"/deals/v1/deal/\d+", "json": {"properties": {"dealstage": {"value": "open"}}}},
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 1}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 77}}},
    {"method": "POST", "url": r"forms\.hubspot\.com/uploads/form/v2/", "status": 204},
]

CSV = "Deal ID,Amount,Stage,Close\n101,2500,,\n900,100,,\n102,,closedwon,1500000000000\n"


def case_sync_deals_script(credential):
    import sync_deals

    path = os.path.join(tempfile.mkdtemp(), "updates.csv")
    with open(path, "w") as f:
        f.write(CSV)
    assert sync_deals.main(path) == 2


def case_export_contacts(credential):
    import export_contacts

    path = os.path.join(tempfile.mkdtemp(), "contacts.csv")
    assert export_contacts.export(path) == 3


def case_follow_up_known_and_unknown(credential):
    import export_contacts

    assert export_contacts.follow_up("ann@x.io", "called about renewal") == 77
    assert export_contacts.follow_up("nobody@x.io", "left voicemail") is None


def case_contact_profile_updates(credential):
    import hubspot_utils

    hubspot_utils.get_contact_by_vid(51, properties=["email", "hs_lead_status"])
    assert hubspot_utils.update_contact(51, {"hs_lead_status": "OPEN"})
