"""A one-off "copy the sandbox setup to production" script of the kind agencies keep in a
gist: two portal keys, ``FROM_KEY`` and ``TO_KEY``, read from the environment, helper
functions that take the key as their first parameter and put it in ``params={...}``, a
guard that refuses to run when the two keys are equal, and one call that concatenates
the key query parameter and ``TO_KEY`` straight onto the URL. Companies are paged with ``offset`` and
``has-more`` and list-valued ``properties``."""

ENV = {"FROM_KEY": "key-sandbox", "TO_KEY": "key-production"}

RESPONSES = [
    {"method": "GET", "url": r"/properties/v1/contacts/groups",
     "json": [{"name": "contactinformation", "displayName": "Contact information"},
              {"name": "onboarding", "displayName": "Onboarding", "displayOrder": 4}]},
    {"method": "POST", "url": r"/properties/v1/contacts/groups", "status": 409, "json": {"status": "error"}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties/named/csm_notes",
     "json": {"name": "csm_notes", "label": "CSM notes", "groupName": "onboarding", "type": "string",
              "fieldType": "textarea", "createdAt": 1500000000000}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties/named/lead_score",
     "json": {"name": "lead_score", "label": "Lead score", "groupName": "scoring", "type": "number",
              "fieldType": "number", "hubspotDefined": False}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties/named/", "status": 404, "json": {"status": "error"}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties",
     "json": [{"name": "email", "hubspotDefined": True},
              {"name": "csm_notes", "label": "CSM notes", "groupName": "onboarding", "type": "string",
               "fieldType": "textarea"}]},
    {"method": "POST", "url": r"/properties/v1/contacts/properties", "json": {}},
    {"method": "PUT", "url": r"/properties/v1/contacts/properties/named/lead_score", "status": 404,
     "json": {"status": "error"}},
    {"method": "PUT", "url": r"/properties/v1/contacts/properties/named/", "json": {}},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=0(&|$)",
     "json": {"companies": [{"companyId": 1, "properties": {"name": {"value": "Acme"}, "domain": {"value": "acme.com"}}}],
              "has-more": True, "offset": 1}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 2, "properties": {"name": {"value": "Globex"}}}],
              "has-more": False, "offset": 2}},
    {"method": "POST", "url": r"/companies/v2/companies", "json": {"companyId": 99}},
]


def _fast(mod):
    mod.THROTTLE = 0


def case_copy_schema(credential):
    import copy_portal
    _fast(copy_portal)
    copy_portal.main([])


def case_copy_schema_and_companies(credential):
    import copy_portal
    _fast(copy_portal)
    copy_portal.main(["--companies"])


def case_copy_single_properties(credential):
    import copy_portal
    _fast(copy_portal)
    copy_portal.main(["--property", "csm_notes", "--property", "lead_score", "--property", "lead_grade"])
