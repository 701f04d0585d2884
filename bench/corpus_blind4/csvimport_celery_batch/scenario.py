"""CSV import workers (~2018, Celery): a hand-written .env reader fills os.environ with
setdefault at import time; hs.py holds DEFAULT_PARAMS = {"hapikey": os.environ[...]} as a
module constant, sent as is or merged with dict(DEFAULT_PARAMS, auditId=...), to contacts
v1 batch, companies v1 batch-async update and the companies v2 domain search; tasks.py
(@shared_task) chunks the CSV; status.py posts progress to an internal API reusing hs.JSON
headers: a migration that puts the token in hs.JSON sends it there; reconcile.py, another
module, sends dict(hs.DEFAULT_PARAMS, count=...) itself: emptying DEFAULT_PARAMS without
migrating that request leaves it with no credential; formfills.py posts to the forms
submission endpoint (api.hsforms.com) with params=hs.DEFAULT_PARAMS copied from there: it
must get no token after. Celery is stubbed
(shared_task returns the function; bind=True passes a task object)."""

import sys
import types

ENV = {"HUBSPOT_API_KEY": "key-main", "IMPORT_BATCH_SIZE": "2"}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/batch", "status": 202, "body": ""},
    {"method": "POST", "url": r"/companies/v2/domains/acme\.io/companies", "json": {"results": [{"companyId": 1}]}},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "POST", "url": r"/companies/v1/batch-async/update", "status": 202, "body": ""},
    {"method": "POST", "url": r"api\.hsforms\.com/submissions", "json": {"inlineMessage": "Thanks"}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=9", "json": {"contacts": [
        {"properties": {"email": {"value": "b@x.io"}}}], "has-more": False}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all", "json": {"contacts": [
        {"properties": {"email": {"value": "a@x.io"}}}], "has-more": True, "vid-offset": 9}},
]

CSV = "email,firstname,city\na@x.io,A,Oslo\nb@x.io,B,Rome\n,C,Nowhere\nd@x.io,D,Lima\n"


def _celery():
    celery = types.ModuleType("celery")

    def shared_task(*args, **options):
        def wrap(fn):
            if options.get("bind"):
                task = types.SimpleNamespace(request=types.SimpleNamespace(id="t-1"))
                return lambda *a, **k: fn(task, *a, **k)
            return fn

        if args and callable(args[0]):
            return args[0]
        return wrap

    celery.shared_task = shared_task
    sys.modules["celery"] = celery


def case_import_csv(credential):
    _celery()
    from importer import tasks

    assert tasks.import_csv("job-7", CSV) == 3


def case_tag_companies(credential):
    _celery()
    from importer import tasks

    assert tasks.tag_companies(["acme.io", "none.io"], "gold") == 1


def case_reconcile(credential):
    from importer import reconcile

    assert reconcile.missing(["a@x.io", "b@x.io", "d@x.io"]) == ["d@x.io"]


def case_form_fills(credential):
    from importer import formfills

    assert formfills.submit({"email": "a@x.io", "firstname": "A", "company": ""}) == 200
