"""Standard-library CSV importer (2018-ish): the key lives in a checked-in `hubspot.ini`
read by configparser at import into a module constant; `build_url(path, **query)` adds
`query["hapikey"]` and urlencodes (doseq) for every call; urllib `Request` objects with
`method=` and `add_header`; contacts v1 batch upsert, companies v2 batch-async update,
contacts v1 emails batch read."""

ENV = {}

CSV = (
    "Email,FirstName,Company_ID,Industry\n"
    "a@shop.io,Ann,101,Retail\n"
    "b@shop.io,Bob,,\n"
    ",nobody,1,x\n"
    "c@shop.io,Cy,103,Food\n"
)

RESPONSES = [
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/batch/",
        "status": 202,
        "body": "",
    },
    {
        "method": "POST",
        "url": r"/companies/v2/companies/batch-async/update",
        "status": 202,
        "body": "",
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/emails/batch/",
        "json": {"5": {"properties": {"email": {"value": "a@shop.io"}}}},
    },
]


def case_import_with_companies(credential):
    import io

    import import_csv

    n, vids = import_csv.run(io.StringIO(CSV), companies=True)
    assert n == 3 and vids == {"a@shop.io": 5}, (n, vids)


def case_cli(credential):
    import os
    import tempfile

    import import_csv

    fd, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(fd, "w") as fh:
        fh.write(CSV)
    try:
        assert import_csv.main([path]) == 0
    finally:
        os.unlink(path)
