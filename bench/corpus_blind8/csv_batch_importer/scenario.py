"""A pandas-free CSV importer (2018-2020): settings from an INI file
(``configparser``, path from ``IMPORTER_CONFIG``) in a plain config object; a
``requests.Session`` subclass whose ``request()`` adds ``params["hapikey"]`` only when the
host is api.hubapi.com and retries 429/5xx; the same session downloads the CSV from a
bucket URL (no key there); contacts v1 batch and v3 companies batch/create with ``json=``,
chunked; properties v1 read/created. The INI file is the operator's: the scenario writes
it with the credential it hands in."""

import os
import tempfile

ENV = {}

RESPONSES = [
    {"method": "GET", "url": r"exports\.example-bucket\.com",
     "text": "email,firstname,company,domain\na@x.io,Ann,Acme,acme.io\nb@x.io,Bob,,\nc@x.io,,Initech,initech.com\n"},
    {"method": "GET", "url": r"/properties/v1/contacts/properties/named/import_source", "status": 404, "json": {}},
    {"method": "POST", "url": r"/properties/v1/contacts/properties", "json": {"name": "import_source"}},
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202},
    {"method": "POST", "url": r"/crm/v3/objects/companies/batch/create", "json": {"results": [{"id": "1"}]}},
]


def _config(credential, chunk=2):
    folder = tempfile.mkdtemp()
    path = os.path.join(folder, "importer.ini")
    with open(path, "w") as f:
        f.write("[hubspot]\napi_key = %s\nportal_id = 62\nchunk_size = %d\n" % (credential("ops"), chunk))
    return path


def case_import_contacts_from_bucket(credential):
    from importer import main

    assert main.main(["https://exports.example-bucket.com/2020/leads.csv", "--config", _config(credential)]) == 3


def case_import_companies_env_config(credential):
    os.environ["IMPORTER_CONFIG"] = _config(credential, chunk=1)
    from importer import main

    assert main.main(["https://exports.example-bucket.com/2020/leads.csv", "--companies"]) == 2


def case_local_file(credential):
    path = os.path.join(tempfile.mkdtemp(), "local.csv")
    with open(path, "w") as f:
        f.write("email,firstname\nz@x.io,Zed\n")
    from importer import main

    assert main.main([path, "--config", _config(credential)]) == 1
