"""Hosts, headers and developer-key paths that reach a request through a third
module (review 11: N5, N6, N19), and the shapes around each.

* N19: a developer-key path (webhooks, timeline, ...) returned by a function
  (of the caller's module, of another module, a class's method, a relay
  function in a third module) and handed to a helper that adds the key: the
  helper stays as it is, manual (developer-key APIs take the developer key
  only); a function returning an ordinary path does not hold it.
* N6: a caller's own Authorization header handed through ``**kwargs`` to a
  rewritten ``request`` from a subclass of a subclass (in any module), a
  mixin's subclass, or an instance of one: the base stays manual (else the
  provider's header replaces the caller's).
* N5: a base URL another module rebinds (``constants.BASE_URL = argv[1]``)
  read through a helper of a third module (``urls.api(path)``), two calls
  deep, through a class attribute or a function returning the base: the
  request stays manual (else the token follows to the other host).
"""

from __future__ import annotations


import pytest

from hapimigrate.model import Status
from tests.trees import behaves, migrate

# -- N19: a developer-key path returned by a function ------------------------

HS = (
    "import os\n\nimport requests\n\n"
    'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
    "def hs_get(path, **params):\n"
    '    params["hapikey"] = KEY\n'
    '    return requests.get("https://api.hubapi.com" + path, params=params).json()\n'
)
OWNERS = (
    "from crm.hs import hs_get\n\n\n"
    'def owners():\n    return hs_get("/owners/v2/owners")\n'
)


def hooks(call: str, imports: str = "from crm import paths\n") -> str:
    return (
        f"{imports}from crm.hs import hs_get\n\n"
        'APP_ID = "123"\n\n\n'
        f"def subscriptions():\n    return hs_get({call})\n"
    )


SUBSCRIPTIONS = (
    'def subscriptions(app_id):\n    return "/webhooks/v1/%s/subscriptions" % app_id\n'
)


@pytest.mark.parametrize(
    "paths,hook",
    [
        # the review's project: another module's function, through the module
        (SUBSCRIPTIONS, hooks("paths.subscriptions(APP_ID)")),
        # imported by name, under another name
        (
            SUBSCRIPTIONS,
            hooks(
                "subs(APP_ID)",
                "from crm.paths import subscriptions as subs\n",
            ),
        ),
        # an f-string, a local bound to the path
        (
            "def subscriptions(app_id):\n"
            '    path = f"/webhooks/v3/{app_id}/subscriptions"\n    return path\n',
            hooks("paths.subscriptions(APP_ID)"),
        ),
        # the function returns the module's constant (defined below it)
        (
            "def subscriptions(app_id):\n    return SUBS.format(app_id)\n\n\n"
            'SUBS = "/webhooks/v3/{}/subscriptions"\n',
            hooks("paths.subscriptions(APP_ID)"),
        ),
        # a table's entry chosen by the caller
        (
            'ROUTES = {"owners": "/owners/v2/owners", '
            '"subs": "/webhooks/v1/%s/subscriptions"}\n\n\n'
            "def path_for(kind):\n    return ROUTES[kind]\n",
            hooks('paths.path_for("subs") % APP_ID'),
        ),
        # a class's static method
        (
            "class Paths:\n    @staticmethod\n    def subscriptions(app_id):\n"
            '        return "/webhooks/v1/%s/subscriptions" % app_id\n',
            hooks("paths.Paths.subscriptions(APP_ID)"),
        ),
        # a method of an instance made on the spot
        (
            "class Paths:\n    def subscriptions(self, app_id):\n"
            '        return "/webhooks/v1/%s/subscriptions" % app_id\n',
            hooks("paths.Paths().subscriptions(APP_ID)"),
        ),
        # the caller's own function, from another module's constant
        (
            'SUBS = "/webhooks/v1/%s/subscriptions"\n',
            hooks("subs_path()").replace(
                "def subscriptions",
                "def subs_path():\n    return paths.SUBS % APP_ID\n\n\ndef subscriptions",
            ),
        ),
        # the caller's own function, the path written in it
        (
            'OWNERS = "/owners/v2/owners"\n',
            hooks("subs_path()").replace(
                "def subscriptions",
                'def subs_path():\n    return "/webhooks/v1/%s/subscriptions" % APP_ID\n\n\n'
                "def subscriptions",
            ),
        ),
        # a path looked up by a name known at run time, in a module of them
        (
            'SUBSCRIPTIONS = "/webhooks/v1/%s/subscriptions"\n'
            'OWNERS = "/owners/v2/owners"\n\n\n'
            "def path(name, *args):\n    return globals()[name.upper()] % args\n",
            hooks('paths.path("subscriptions", APP_ID)'),
        ),
        (
            "import sys\n\n"
            'SUBSCRIPTIONS = "/webhooks/v1/%s/subscriptions"\n\n\n'
            "def path(name):\n    return getattr(sys.modules[__name__], name)\n",
            hooks('paths.path("SUBSCRIPTIONS") % APP_ID'),
        ),
        # the timeline's event types, another developer-key family
        (
            "def event_types(app_id):\n"
            '    return "/integrations/v1/%s/timeline/event-types" % app_id\n',
            hooks("paths.event_types(APP_ID)"),
        ),
    ],
)
def test_a_developer_path_returned_by_a_function_keeps_the_helper(
    tmp_path, paths, hook
):
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HS,
        "crm/paths.py": paths,
        "crm/hooks.py": hook,
        "crm/owners.py": OWNERS,
    }
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["crm/hs.py"]
    assert (statuses, text) == ([Status.MANUAL], HS)
    assert "hooks.py:" in reasons[0] and "developer-key API" in reasons[0]


def test_a_relay_function_of_a_third_module_keeps_the_helper(tmp_path):
    """routes.py hands on paths.py's function: hooks.py calls routes.subs()."""
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HS,
        "crm/paths.py": SUBSCRIPTIONS,
        "crm/routes.py": (
            "from crm import paths\n\n\n"
            "def subs(app_id):\n    return paths.subscriptions(app_id)\n"
        ),
        "crm/hooks.py": hooks("routes.subs(APP_ID)", "from crm import routes\n"),
        "crm/owners.py": OWNERS,
    }
    out = migrate(tmp_path, files)
    assert out["crm/hs.py"][:2] == ([Status.MANUAL], HS)
    assert "hooks.py:" in out["crm/hs.py"][2][0]


def test_a_function_of_the_helpers_module_returning_a_developer_path(tmp_path):
    """All in one module: hs_get(subscriptions(APP_ID))."""
    one = (
        HS
        + "\n\n"
        + SUBSCRIPTIONS
        + '\n\ndef subs():\n    return hs_get(subscriptions("123"))\n'
        + '\n\ndef owners():\n    return hs_get("/owners/v2/owners")\n'
    )
    out = migrate(tmp_path, {"one.py": one})
    statuses, text, reasons = out["one.py"]
    assert (statuses, text) == ([Status.MANUAL], one)
    # its calls' endpoints are known now (subscriptions() is read through):
    # one webhooks path, one portal path
    assert (
        "developer" in reasons[0]
        and ("webhooks" in reasons[0] or "and to others" in reasons[0])
        or ("one.py:" in reasons[0] and "subscriptions" in reasons[0])
    )


def test_a_function_returning_an_ordinary_path_does_not_hold_the_helper(tmp_path):
    """paths.owners() is /owners/v2/owners: hs_get is migrated; the module's
    webhook function, never called with hs_get, holds nothing."""
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HS,
        "crm/paths.py": SUBSCRIPTIONS
        + '\n\ndef owners():\n    return "/owners/v2/owners"\n',
        "crm/hooks.py": hooks("paths.owners()"),
    }
    out = migrate(tmp_path, files)
    assert out["crm/hs.py"][0] == [Status.REWRITE]
    assert "Bearer" in out["crm/hs.py"][1]


def test_the_review_project_keeps_the_developer_key(tmp_path):
    """/tmp/review11/34, run: the webhook call still sends the key."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/hs.py": HS,
        "src/crm/paths.py": 'OWNERS = "/owners/v2/owners"\n\n\n' + SUBSCRIPTIONS,
        "src/crm/hooks.py": hooks("paths.subscriptions(APP_ID)"),
        "src/crm/owners.py": (
            "from crm import paths\nfrom crm.hs import hs_get\n\n\n"
            "def owners():\n    return hs_get(paths.OWNERS)\n"
        ),
        "scenario.py": (
            '"""A webhook path returned by another module\'s function."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_hooks(credential):\n"
            "    from crm import hooks, owners\n\n"
            "    owners.owners()\n    hooks.subscriptions()\n"
        ),
    }
    behaves(tmp_path / "developer_function", files, manual=1)


# -- N6: a caller's header through **kwargs, from anywhere in the hierarchy --

BASE = (
    "import os\n\nimport requests\n\n\n"
    "class BaseClient:\n"
    "    def __init__(self, api_key=None):\n"
    '        self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]\n\n'
    "    def request(self, method, path, **kwargs):\n"
    '        params = kwargs.pop("params", None) or {}\n'
    '        params["hapikey"] = self.api_key\n'
    "        return requests.request(\n"
    '            method, "https://api.hubapi.com" + path, params=params, **kwargs\n'
    "        )\n"
)
MODULE_KEY_BASE = (
    "import os\n\nimport requests\n\n"
    'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
    "class BaseClient:\n"
    "    def request(self, method, path, **kwargs):\n"
    '        params = kwargs.pop("params", None) or {}\n'
    '        params["hapikey"] = KEY\n'
    "        return requests.request(\n"
    '            method, "https://api.hubapi.com" + path, params=params, **kwargs\n'
    "        )\n"
)
CONTACTS = (
    "from crm.base import BaseClient\n\n\n"
    "class ContactsClient(BaseClient):\n"
    "    def recent(self):\n"
    '        return self.request("GET", "/contacts/v1/lists/recently_updated/contacts/recent").json()\n'
)
AS_USER = (
    "    def as_user(self, user_token):\n"
    '        return self.request("GET", "/contacts/v1/lists/all/contacts/all",\n'
    '                            headers={"Authorization": "Bearer " + user_token}).json()\n'
)


@pytest.mark.parametrize("base", [BASE, MODULE_KEY_BASE])
@pytest.mark.parametrize(
    "extra",
    [
        # the review's project: a subclass of the subclass, in a third module
        {
            "crm/users.py": "from crm.contacts import ContactsClient\n\n\n"
            "class UserContacts(ContactsClient):\n" + AS_USER
        },
        # three levels down, each in its own module
        {
            "crm/users.py": "from crm.contacts import ContactsClient\n\n\n"
            "class UserContacts(ContactsClient):\n    pass\n",
            "crm/admins.py": "from crm.users import UserContacts\n\n\n"
            "class AdminContacts(UserContacts):\n" + AS_USER,
        },
        # the base imported under another name
        {
            "crm/users.py": "from crm.contacts import ContactsClient as Contacts\n\n\n"
            "class UserContacts(Contacts):\n" + AS_USER
        },
        # through the module's name
        {
            "crm/users.py": "from crm import contacts\n\n\n"
            "class UserContacts(contacts.ContactsClient):\n" + AS_USER
        },
        # a mixin whose method runs on the subclass's instances
        {
            "crm/mixins.py": "class AsUser:\n" + AS_USER,
            "crm/users.py": "from crm.contacts import ContactsClient\n"
            "from crm.mixins import AsUser\n\n\n"
            "class UserContacts(AsUser, ContactsClient):\n    pass\n",
        },
        # the mixin through its module's name
        {
            "crm/mixins.py": "class AsUser:\n" + AS_USER,
            "crm/users.py": "from crm.contacts import ContactsClient\n"
            "from crm import mixins\n\n\n"
            "class UserContacts(mixins.AsUser, ContactsClient):\n    pass\n",
        },
        {
            "crm/mixins.py": "class AsUser:\n" + AS_USER,
            "crm/users.py": "import crm.mixins as mx\n"
            "from crm.contacts import ContactsClient\n\n\n"
            "class UserContacts(mx.AsUser, ContactsClient):\n    pass\n",
        },
        # an instance of the sub-subclass, used by another module
        {
            "crm/users.py": "from crm.contacts import ContactsClient\n\n\n"
            "class UserContacts(ContactsClient):\n    pass\n",
            "app.py": "from crm.users import UserContacts\n\n\n"
            "def run(token):\n"
            '    return UserContacts().request("GET", "/contacts/v1/lists/all/contacts/all",\n'
            '                                  headers={"Authorization": "Bearer " + token})\n',
        },
        # the sub-subclass's own wrapper handing its callers' options on
        {
            "crm/users.py": "from crm.contacts import ContactsClient\n\n\n"
            "class UserContacts(ContactsClient):\n"
            "    def call(self, path, **options):\n"
            '        return self.request("GET", path, **options)\n',
            "app.py": "from crm.users import UserContacts\n\n\n"
            "def run(token):\n"
            '    return UserContacts().call("/contacts/v1/lists/all/contacts/all",\n'
            '                               headers={"Authorization": "Bearer " + token})\n',
        },
        # auth= of its own
        {
            "crm/users.py": "from crm.contacts import ContactsClient\n\n\n"
            "class UserContacts(ContactsClient):\n"
            "    def as_user(self, auth):\n"
            '        return self.request("GET", "/contacts/v1/lists/all/contacts/all", auth=auth)\n'
        },
    ],
)
def test_a_header_handed_in_from_the_hierarchy_keeps_the_base(tmp_path, base, extra):
    files = {
        "crm/__init__.py": "",
        "crm/base.py": base,
        "crm/contacts.py": CONTACTS,
        **extra,
    }
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["crm/base.py"]
    assert (statuses, text) == ([Status.MANUAL], base)
    # a class carrier's subclass mixing in another is kept for its other
    # bases already; with the key in the module, the mixin's header keeps it
    mixed = "AsUser, ContactsClient)" in extra.get("crm/users.py", "")
    said = "other bases" if mixed and base == BASE else "hands request() its own"
    assert said in reasons[0]


def test_a_subclass_beside_the_base_and_its_subclass_elsewhere(tmp_path):
    """base.py defines ContactsClient too; users.py subclasses it."""
    base = BASE + "\n\nclass ContactsClient(BaseClient):\n    pass\n"
    files = {
        "crm/__init__.py": "",
        "crm/base.py": base,
        "crm/users.py": "from crm.base import ContactsClient\n\n\n"
        "class UserContacts(ContactsClient):\n" + AS_USER,
    }
    out = migrate(tmp_path, files)
    assert out["crm/base.py"][:2] == ([Status.MANUAL], base)


def test_a_hierarchy_handing_in_no_header_is_migrated(tmp_path):
    """users.py's subclass sends no header of its own: the base gets the token."""
    files = {
        "crm/__init__.py": "",
        "crm/base.py": BASE,
        "crm/contacts.py": CONTACTS,
        "crm/users.py": "from crm.contacts import ContactsClient\n\n\n"
        "class UserContacts(ContactsClient):\n"
        "    def everyone(self):\n"
        '        return self.request("GET", "/contacts/v1/lists/all/contacts/all").json()\n',
    }
    out = migrate(tmp_path, files)
    assert out["crm/base.py"][0] == [Status.REWRITE]
    assert "Bearer" in out["crm/base.py"][1]


def test_the_review_project_keeps_the_users_header(tmp_path):
    """/tmp/review11/8, run: as_user still sends the user's OAuth token."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/base.py": BASE,
        "src/crm/contacts.py": CONTACTS,
        "src/crm/users.py": "from crm.contacts import ContactsClient\n\n\n"
        "class UserContacts(ContactsClient):\n" + AS_USER,
        "scenario.py": (
            '"""A user\'s OAuth header from a subclass of a subclass."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_users(credential):\n"
            "    from crm.users import UserContacts\n\n"
            "    c = UserContacts()\n    c.recent()\n"
            '    c.as_user("oauth-user1")\n'
        ),
    }
    behaves(tmp_path / "user_header", files, manual=3)


# -- N5: a base URL changed at run time, read through a third module's helper -

CONSTANTS = 'BASE_URL = "https://api.hubapi.com"\n'
URLS = "import constants\n\n\ndef api(path):\n    return constants.BASE_URL + path\n"
CLIENT = (
    "import os\n\nimport requests\n\nfrom urls import api\n\n"
    'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
    "def owners():\n"
    '    return requests.get(api("/owners/v2/owners"), params={"hapikey": KEY}).json()\n'
)
MAIN = (
    "import sys\n\nimport constants\nimport client\n\n\n"
    "def main(argv):\n    if len(argv) > 1:\n        constants.BASE_URL = argv[1]\n"
    "    return client.owners()\n"
)


@pytest.mark.parametrize(
    "changed",
    [
        # the review's project
        {},
        # the helper two calls deep, in its module
        {
            "urls.py": "import constants\n\n\ndef base():\n    return constants.BASE_URL\n"
            "\n\ndef api(path):\n    return base() + path\n"
        },
        # the helper calling a helper of a fourth module
        {
            "hosts.py": "import constants\n\n\ndef base():\n    return constants.BASE_URL\n",
            "urls.py": "import hosts\n\n\ndef api(path):\n    return hosts.base() + path\n",
        },
        # a function of the constants' module returning the base
        {
            "constants.py": CONSTANTS + "\n\ndef base():\n    return BASE_URL\n",
            "urls.py": "from constants import base\n\n\n"
            "def api(path):\n    return base() + path\n",
        },
        # a class attribute of the third module, changed by main.py
        {
            "constants.py": 'class Config:\n    BASE_URL = "https://api.hubapi.com"\n',
            "urls.py": "from constants import Config\n\n\n"
            "def api(path):\n    return Config.BASE_URL + path\n",
            "main.py": MAIN.replace("constants.BASE_URL", "constants.Config.BASE_URL"),
        },
        # setattr, from a function of main.py
        {
            "main.py": MAIN.replace(
                "constants.BASE_URL = argv[1]",
                'setattr(constants, "BASE_URL", argv[1])',
            )
        },
        # rebound by its own module (global)
        {
            "constants.py": CONSTANTS
            + "\n\ndef configure(url):\n    global BASE_URL\n    BASE_URL = url\n",
            "main.py": "import constants\nimport client\n\n\n"
            "def main(argv):\n    constants.configure(argv[1])\n    return client.owners()\n",
        },
        # the helper a lambda
        {
            "urls.py": "import constants\n\napi = lambda path: constants.BASE_URL + path\n"
        },
        # a class method of the third module reading its class's attribute
        {
            "urls.py": "class Urls:\n"
            '    BASE_URL = "https://api.hubapi.com"\n\n'
            "    @classmethod\n    def api(cls, path):\n"
            "        return cls.BASE_URL + path\n",
            "client.py": CLIENT.replace(
                "from urls import api", "from urls import Urls"
            ).replace('api("/owners', 'Urls.api("/owners'),
            "main.py": MAIN.replace("import constants", "import urls").replace(
                "constants.BASE_URL", "urls.Urls.BASE_URL"
            ),
        },
        # a table of URLs of the third module, its entry changed by main.py
        {
            "constants.py": 'ROUTES = {"owners": "https://api.hubapi.com/owners/v2/owners"}\n',
            "urls.py": "import constants\n\n\ndef api(name):\n"
            "    return constants.ROUTES[name]\n",
            "client.py": CLIENT.replace('api("/owners/v2/owners")', 'api("owners")'),
            "main.py": MAIN.replace(
                "constants.BASE_URL = argv[1]", 'constants.ROUTES["owners"] = argv[1]'
            ),
        },
        # the helper through its module's name, called by the client's own helper
        {
            "client.py": CLIENT.replace("from urls import api", "import urls").replace(
                'api("/owners/v2/owners")', 'url("/owners/v2/owners")'
            )
            + "\n\ndef url(path):\n    return urls.api(path)\n"
        },
    ],
)
def test_a_base_url_changed_elsewhere_read_through_a_helper_stays(tmp_path, changed):
    files = {
        "constants.py": CONSTANTS,
        "urls.py": URLS,
        "client.py": CLIENT,
        "main.py": MAIN,
        **changed,
    }
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["client.py"]
    assert (statuses, text) == ([Status.MANUAL], files["client.py"])
    assert "main.py:" in reasons[0] or "constants.py:" in reasons[0]
    assert "through" in reasons[0]
    assert "BASE_URL" in reasons[0] or "ROUTES" in reasons[0]


@pytest.mark.parametrize(
    "main",
    [
        # nothing changes the base
        "import client\n\n\ndef main(argv):\n    return client.owners()\n",
        # only to HubSpot's own host
        MAIN.replace("argv[1]", '"https://api.hubapi.com"'),
    ],
)
def test_a_base_url_nobody_points_elsewhere_is_migrated(tmp_path, main):
    files = {
        "constants.py": CONSTANTS,
        "urls.py": URLS,
        "client.py": CLIENT,
        "main.py": main,
    }
    out = migrate(tmp_path, files)
    assert out["client.py"][0] == [Status.REWRITE]
    assert "Bearer" in out["client.py"][1]


def test_the_review_project_keeps_the_key_off_the_other_host(tmp_path):
    """/tmp/review11/7, run: the mirror named on the command line gets no token."""
    files = {
        "src/constants.py": CONSTANTS,
        "src/urls.py": URLS,
        "src/client.py": CLIENT,
        "src/main.py": MAIN,
        "scenario.py": (
            '"""A base URL rebound by main.py, read through urls.api()."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_hubspot(credential):\n"
            "    import main\n\n    main.main([])\n\n\n"
            "def case_mirror(credential):\n"
            "    import main\n\n"
            '    main.main(["main", "https://hubspot-mock.example.com"])\n'
        ),
    }
    behaves(tmp_path / "helper_host", files, manual=1)


def test_a_path_looked_up_in_a_module_without_developer_paths_is_read(tmp_path):
    """paths.py holds no developer-key path: its lookup holds nothing."""
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HS,
        "crm/paths.py": 'OWNERS = "/owners/v2/owners"\n\n\n'
        "def path(name):\n    return globals()[name]\n",
        "crm/hooks.py": hooks('paths.path("OWNERS")'),
    }
    out = migrate(tmp_path, files)
    assert out["crm/hs.py"][0] == [Status.REWRITE]


def test_a_function_returning_a_developer_apis_response_is_no_path(tmp_path):
    """webhooks.subscriptions() makes its own request and returns the
    response: sync.py using it beside hs_get holds nothing (fixtures/app)."""
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HS,
        "crm/webhooks.py": "import requests\n\n\ndef subscriptions():\n"
        '    url = "https://api.hubapi.com/webhooks/v1/1/subscriptions"\n'
        "    response = requests.get(url)\n    return response.json()\n",
        "crm/sync.py": "from crm import webhooks\nfrom crm.hs import hs_get\n\n\n"
        "def run():\n    summary = {}\n"
        '    summary["owners"] = hs_get("/owners/v2/owners")\n'
        '    summary["subscriptions"] = len(webhooks.subscriptions())\n'
        "    return summary\n",
    }
    out = migrate(tmp_path, files)
    assert out["crm/hs.py"][0] == [Status.REWRITE]
