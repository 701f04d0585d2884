"""A standard-library-only backup tool (2016): `conn.request(method, path, body)` opens an
`http.client.HTTPSConnection` and appends `hapikey=` + a module-level KEY with a `?`/`&`
separator (contact lists v1 paged on has-more/offset, property groups v1, workflows v3,
property create/update with JSON bodies); companies v2 are paged through
`urllib.request.urlopen` with the key inside `urlencode([...])` of a list of pairs."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists\?count=250&offset=0",
     "json": {"lists": [{"listId": 1}], "has-more": True, "offset": 1}},
    {"method": "GET", "url": r"/contacts/v1/lists\?",
     "json": {"lists": [{"listId": 2}], "has-more": False, "offset": 2}},
    {"method": "GET", "url": r"/properties/v1/contacts/groups",
     "json": [{"name": "custom", "properties": [
         {"name": "shoe_size", "label": "Shoe size", "type": "number", "fieldType": "number"},
         {"name": "email", "label": "Email", "hubspotDefined": True},
         {"name": "tier", "label": "Tier", "type": "string", "fieldType": "text"}]}]},
    {"method": "GET", "url": r"/properties/v1/deals/groups", "json": []},
    {"method": "GET", "url": r"/automation/v3/workflows", "json": {"workflows": [{"id": 5}]}},
    # the collection, not /named/<name> (was `properties\?`, which keyed the 409 on the
    # query string: after migration the URL has none, as the key was its only parameter)
    {"method": "POST", "url": r"/properties/v1/contacts/properties(?:\?|$)", "status": 409,
     "json": {"message": "exists"}},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=0",
     "json": {"companies": [{"companyId": 1}], "has-more": True, "offset": 1}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 2}], "has-more": False, "offset": 2}},
]


def case_backup_and_restore(credential):
    import tempfile
    from hsbackup import backup, restore
    path = backup.run(tempfile.mkdtemp())
    assert restore.restore_properties(path) == 0


def case_companies(credential):
    from hsbackup import companies
    assert [c["companyId"] for c in companies.all_companies()] == [1, 2]
