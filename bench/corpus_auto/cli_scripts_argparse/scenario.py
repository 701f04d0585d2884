"""Ops scripts with argparse (2018-2020): `export_companies.py --api-key KEY` (required)
pages through companies with `requests`, `tag_contacts.py [-k KEY]` (defaulting to
HUBSPOT_API_KEY from the environment) posts profile updates with `urllib.request`
and the key in a `%`-formatted URL; that script indents one function with tabs and one
block with spaces then a tab (valid Python 3); `owner_audit.py --api-key KEY` uses `http.client` with the key in a
`%`-formatted path."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=0",
     "json": {"companies": [{"companyId": 1, "properties": {"name": {"value": "Acme"}}}],
              "has-more": True, "offset": 1}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 2, "properties": {}}], "has-more": False, "offset": 2}},
    {"method": "POST", "url": r"/contacts/v1/contact/email/bad@", "status": 404, "json": {}},
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"email": "a@example.com", "teams": [{"id": 1}]}, {"email": "b@example.com"}]},
    {"method": "POST", "url": r"/contacts/v1/contact/email/.*/profile", "status": 204, "text": ""},
]


def case_export(credential):
    import os
    import tempfile

    from scripts import export_companies

    out = os.path.join(tempfile.mkdtemp(), "c.csv")
    assert export_companies.main(["--api-key", credential("cli"), "--out", out]) == 2


def case_tag_from_env(credential):
    import os
    import tempfile

    from scripts import tag_contacts

    path = os.path.join(tempfile.mkdtemp(), "emails.txt")
    with open(path, "w") as fh:
        fh.write("# vip\na@example.com\nbad@example.com\n")
    assert tag_contacts.main([path, "vip", "true"]) == {"a@example.com": 204,
                                                        "bad@example.com": 404}


def case_tag_with_flag(credential):
    import os
    import tempfile

    from scripts import tag_contacts

    path = os.path.join(tempfile.mkdtemp(), "emails.txt")
    with open(path, "w") as fh:
        fh.write("b@example.com\n")
    tag_contacts.main(["-k", credential("cli"), path, "vip", "false"])


def case_owner_audit(credential):
    from scripts import owner_audit

    assert owner_audit.main(["--api-key", credential("cli")]) == ["b@example.com"]
