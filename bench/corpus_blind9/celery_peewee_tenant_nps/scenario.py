"""A multi-tenant NPS survey SaaS (2017-2020): peewee models (faked here) keep each
customer account's HubSpot connection (`hubspot_api_key`, or `hubspot_access_token` for
accounts connected by OAuth), Celery tasks (faked, run eagerly) push scores into the
customer's portal through a `requests.Session` subclass whose `request()` override adds
`params["hapikey"]` and prefixes relative URLs; a usage task writes to the vendor's own
portal with OWN_HUBSPOT_KEY through the same session class. Accounts are created by the
case with callers' keys."""

import itertools
import sys
import types

ENV = {"OWN_HUBSPOT_KEY": "key-main", "DATABASE_PATH": ":memory:"}

RESPONSES = [
    {"method": "GET", "url": r"/properties/v1/contacts/properties/named/",
     "status": 404, "json": {"message": "not found"}},
    {"method": "POST", "url": r"/properties/v1/contacts/properties", "json": {"name": "nps_score"}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 42}},
    {"method": "PUT", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 1}},
]


def _install_peewee_and_celery():
    pw = types.ModuleType("peewee")

    class Expr:
        def __init__(self, fn):
            self.fn = fn

    class Field:
        def __init__(self, *args, null=False, default=None, backref=None, **kw):
            self.default = default

        def __set_name__(self, owner, name):
            self.name = name

        def __get__(self, obj, owner):
            if obj is None:
                return self
            return obj.__dict__.get(self.name)

        def __set__(self, obj, value):
            obj.__dict__[self.name] = value

        def __eq__(self, other):
            target = getattr(other, "id", other)
            return Expr(lambda row: getattr(getattr(row, self.name), "id", getattr(row, self.name)) == target)

        def is_null(self, flag=True):
            return Expr(lambda row: (getattr(row, self.name) is None) == flag)

        __hash__ = object.__hash__

    class Query:
        def __init__(self, rows):
            self.rows = rows

        def where(self, expr):
            return Query([r for r in self.rows if expr.fn(r)])

        def count(self):
            return len(self.rows)

        def __iter__(self):
            return iter(list(self.rows))

    class Model:
        _ids = itertools.count(1)

        def __init_subclass__(cls, **kw):
            cls._rows = {}

        def __init__(self, **values):
            for name in dir(type(self)):
                attr = getattr(type(self), name, None)
                if isinstance(attr, Field):
                    default = attr.default() if callable(attr.default) else attr.default
                    setattr(self, name, values.get(name, default))
            self.id = next(Model._ids)

        @classmethod
        def create(cls, **values):
            row = cls(**values)
            cls._rows[row.id] = row
            return row

        @classmethod
        def get_by_id(cls, pk):
            return cls._rows[pk]

        @classmethod
        def select(cls):
            return Query(cls._rows.values())

    for name in ("CharField", "DateTimeField", "ForeignKeyField", "IntegerField", "TextField"):
        setattr(pw, name, type(name, (Field,), {}))
    pw.Model = Model
    pw.SqliteDatabase = lambda path: types.SimpleNamespace(path=path)
    sys.modules["peewee"] = pw

    cel = types.ModuleType("celery")

    class Retry(Exception):
        pass

    class Result:
        def __init__(self, value):
            self.value = value

        def get(self):
            return self.value

    class Task:
        def __init__(self, fn, bind):
            self.fn, self.bind = fn, bind

        def __call__(self, *args, **kwargs):
            return self.fn(self, *args, **kwargs) if self.bind else self.fn(*args, **kwargs)

        def delay(self, *args, **kwargs):
            return Result(self(*args, **kwargs))

        def retry(self, exc=None, **kw):
            return Retry(str(exc))

    class Celery:
        def __init__(self, name, broker=None):
            self.name = name

        def task(self, *args, bind=False, **options):
            if args and callable(args[0]):
                return Task(args[0], False)
            return lambda fn: Task(fn, bind)

    cel.Celery = Celery
    sys.modules["celery"] = cel


_install_peewee_and_celery()


def case_survey_webhook_key_account(credential):
    from npsapp.models import Account
    from npsapp import webhooks
    acme = Account.create(name="Acme", hubspot_portal_id=100, hubspot_api_key=credential("acme"))
    webhooks.survey_completed({"account_id": acme.id, "email": "Pat@Acme.com", "score": "9",
                               "comment": "great"})


def case_survey_webhook_oauth_account(credential):
    from npsapp.models import Account
    from npsapp import webhooks
    glob = Account.create(name="Globex", hubspot_portal_id=200, hubspot_access_token="oauth-globex")
    webhooks.survey_completed({"account_id": glob.id, "email": "ha@globex.com", "score": 3})


def case_nightly_usage(credential):
    from npsapp.models import Account, SurveyResponse
    from npsapp import tasks
    a = Account.create(name="Initech", hubspot_api_key=credential("initech"), own_company_id=3100)
    Account.create(name="NoCompany")
    SurveyResponse.create(account=a, email="x@initech.com", score=10)
    assert tasks.nightly() == 1


def case_push_direct(credential):
    from npsapp.models import Account, SurveyResponse
    from npsapp import tasks
    a = Account.create(name="Umbrella", hubspot_api_key=credential("umbrella"))
    r = SurveyResponse.create(account=a, email="u@umbrella.com", score=7)
    assert tasks.push_response(r.id) == 42
