"""Three wrong rewrites the tenth review found, and the shapes around each.

* F1: a key setting listed in ``__all__`` (a public export, star-imported by
  another module) was removed as dead: ``from crm.settings import *`` raised
  AttributeError at import. It stays, reported as still required.
* F4: a session handed out by ``yield`` (a ``@contextmanager``, a generator
  dependency, a fixture, a method) was given the header though its user sent
  to Slack: it is followed like one handed out by ``return``, or stays manual.
* F5: a base URL rebound at run time (``global BASE; BASE = base``,
  ``globals()["BASE"] = ...``, another module's ``constants.BASE_URL = ...``
  or ``setattr``) was read as the HubSpot host written first: the token
  followed to the new host. Such a host is known only at run time: manual.
"""

from __future__ import annotations


import libcst as cst
import pytest

from hapimigrate.model import Status
from hapimigrate.python.dead_settings import exported_names
from tests.trees import behaves, migrate

BEARER = '"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]'


# -- F1: a setting in __all__ ----------------------------------------------

CLIENT = (
    "import requests\n\nfrom crm import settings\n\n\n"
    "def owners():\n    return requests.get(\n"
    '        "https://api.hubapi.com/crm/v3/owners",\n'
    '        params={"hapikey": settings.HUBSPOT_API_KEY},\n'
    "        timeout=settings.TIMEOUT,\n    ).json()\n"
)
OTHER = "from crm.settings import *\n\n\ndef timeout():\n    return TIMEOUT\n"
SETTING = 'HUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\nTIMEOUT = 10\n'


def settings_module(exports: str) -> str:
    return f'"""Settings."""\nimport os\n\n{exports}\n' + SETTING


@pytest.mark.parametrize(
    "exports",
    [
        '__all__ = ["HUBSPOT_API_KEY", "TIMEOUT"]',
        '__all__ = ("TIMEOUT", "HUBSPOT_API_KEY")',
        '__all__: list[str] = ["HUBSPOT_API_KEY"]',
        '__all__ = ["TIMEOUT"]\n__all__ += ["HUBSPOT_API_KEY"]',
        '__all__ = ["TIMEOUT"]\n__all__.append("HUBSPOT_API_KEY")',
        '__all__ = ["TIMEOUT"]\n__all__.extend(("HUBSPOT_API_KEY",))',
        '__all__ = ["TIMEOUT"] + ["HUBSPOT_API_KEY"]',
        'if True:\n    __all__ = ["TIMEOUT", "HUBSPOT_API_KEY"]',
    ],
    ids=["list", "tuple", "annotated", "iadd", "append", "extend", "plus", "block"],
)
def test_a_setting_listed_in_all_stays_and_is_reported(tmp_path, exports):
    """The review's crash: the key's definition went, ``__all__`` still named
    it, and ``from crm.settings import *`` raised AttributeError."""
    files = {
        "crm/__init__.py": "",
        "crm/settings.py": settings_module(exports),
        "crm/client.py": CLIENT,
        "crm/other.py": OTHER,
    }
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["crm/settings.py"]
    assert text == files["crm/settings.py"]
    assert statuses == [Status.MANUAL]
    assert "HUBSPOT_API_KEY is listed in __all__" in reasons[0]
    assert "old variable stays required" in reasons[0]
    # the reader is migrated all the same
    assert out["crm/client.py"][0] == [Status.REWRITE]
    assert BEARER in out["crm/client.py"][1]


def test_a_setting_an_all_built_at_run_time_may_list_stays(tmp_path):
    exports = "__all__ = [n for n in dir() if n.isupper()]"
    files = {
        "crm/__init__.py": "",
        "crm/settings.py": settings_module(exports),
        "crm/client.py": CLIENT,
    }
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["crm/settings.py"]
    assert (statuses, text) == ([Status.MANUAL], files["crm/settings.py"])
    assert "may be listed in __all__" in reasons[0]


@pytest.mark.parametrize(
    "exports", ['__all__ = ["TIMEOUT"]', ""], ids=["not_listed", "no_all"]
)
def test_a_setting_all_does_not_list_is_still_removed(tmp_path, exports):
    files = {
        "crm/__init__.py": "",
        "crm/settings.py": settings_module(exports),
        "crm/client.py": CLIENT,
    }
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["crm/settings.py"]
    assert statuses == [Status.REWRITE]
    assert "HUBSPOT_API_KEY" not in text and "TIMEOUT = 10" in text


@pytest.mark.parametrize(
    "source,names",
    [
        ('__all__ = ["A", "B"]', {"A", "B"}),
        ('__all__ = ["A"]\n__all__ += ("B",)\n__all__.append("C")', {"A", "B", "C"}),
        ('__all__ = ["A"]\n__all__.insert(0, "B")\n__all__.remove("A")', {"A", "B"}),
        ('__all__ = ["A", *["B"]]', {"A", "B"}),
        ("x = 1", set()),
        ("__all__ = other.__all__", None),
        ('__all__ = ["A"]\n__all__.append(NAME)', None),
        ('__all__ = ["A"]\n__all__[:] = names', None),
    ],
)
def test_the_names_all_exports(source, names):
    assert exported_names(cst.parse_module(source + "\n")) == names


def test_the_review_project_imports_and_sends_as_before(tmp_path):
    """/tmp/review10/4, run: crm.other imports after the migration."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/settings.py": settings_module(
            '__all__ = ["HUBSPOT_API_KEY", "TIMEOUT"]'
        ),
        "src/crm/client.py": CLIENT,
        "src/crm/other.py": OTHER,
        "scenario.py": (
            '"""A settings module star-imported, its key in __all__."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_owners(credential):\n"
            "    from crm import client, other\n\n"
            "    other.timeout()\n    client.owners()\n"
        ),
    }
    behaves(tmp_path / "all_export", files, manual=1)


# -- F4: a session handed out by yield ---------------------------------------

CONTEXT = (
    "import contextlib\nimport os\n\nimport requests\n\n\n"
    "@contextlib.contextmanager\ndef hubspot():\n"
    "    s = requests.Session()\n"
    '    s.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
    "    try:\n        yield s\n    finally:\n        s.close()\n"
)
SYNC = (
    "from crm.hs import hubspot\n\n\ndef sync():\n    with hubspot() as s:\n"
    '        owners = s.get("https://api.hubapi.com/owners/v2/owners").json()\n'
    '        s.post("https://hooks.slack.com/services/T/B/X", json={"n": len(owners)})\n'
)
SLACK = 's.post("https://hooks.slack.com/services/T/B/X", json={})'


@pytest.mark.parametrize(
    "home,user",
    [
        (CONTEXT, SYNC),
        (  # a FastAPI dependency: named, not called
            "import os\n\nimport requests\n\n\ndef get_session():\n"
            "    with requests.Session() as s:\n"
            '        s.params.update(hapikey=os.environ["HUBSPOT_API_KEY"])\n'
            "        yield s\n",
            "from fastapi import Depends\n\nfrom crm.hs import get_session\n\n\n"
            f"def notify(s=Depends(get_session)):\n    {SLACK}\n",
        ),
        (  # a method yielding its own session
            "import contextlib\nimport os\n\nimport requests\n\n\nclass Hub:\n"
            "    @contextlib.contextmanager\n    def session(self):\n"
            "        with requests.Session() as s:\n"
            '            s.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
            "            yield s\n",
            "from crm.hs import Hub\n\n\ndef sync():\n"
            f"    with Hub().session() as s:\n        {SLACK}\n",
        ),
        (  # a method returning one
            "import os\n\nimport requests\n\n\nclass Hub:\n    def session(self):\n"
            "        s = requests.Session()\n"
            '        s.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
            "        return s\n",
            "from crm.hs import Hub\n\n\ndef sync():\n"
            f"    s = Hub().session()\n    {SLACK}\n",
        ),
    ],
    ids=["contextmanager", "dependency", "yielding_method", "returning_method"],
)
def test_a_session_handed_out_to_other_modules_stays(tmp_path, home, user):
    """The review's F4: the session's header went to Slack."""
    files = {"crm/__init__.py": "", "crm/hs.py": home, "crm/sync.py": user}
    out = migrate(tmp_path, files)
    statuses, text, reasons = out["crm/hs.py"]
    assert (statuses, text) == ([Status.MANUAL], home)
    # named by what hands it out, or by the yield the session leaves through
    assert "hands out the session" in reasons[0] or "in a yield" in reasons[0]


ONE_MODULE_USES = {
    "slack": ("with hubspot() as s:", SLACK),
    "loop": ("for s in hubspot():", SLACK),
    "passed_on": ("with hubspot() as s:", "post_elsewhere(s)"),
}


@pytest.mark.parametrize("use", sorted(ONE_MODULE_USES))
def test_a_yielded_session_used_for_another_host_in_its_module_stays(tmp_path, use):
    binding, request = ONE_MODULE_USES[use]
    decorator = "@contextlib.contextmanager\n" if binding.startswith("with") else ""
    text = (
        CONTEXT.replace("@contextlib.contextmanager\n", decorator)
        + f"\n\ndef sync():\n    {binding}\n        {request}\n"
    )
    statuses, after, _ = migrate(tmp_path, {"one.py": text})["one.py"]
    assert (statuses, after) == ([Status.MANUAL], text)


@pytest.mark.parametrize("hand_out", ["yield", "return"])
def test_a_fixture_handing_out_a_session_stays(tmp_path, hand_out):
    """Its tests take it by name (from conftest.py too): not followed."""
    text = (
        "import os\n\nimport pytest\nimport requests\n\n\n@pytest.fixture\n"
        "def hs():\n    s = requests.Session()\n"
        '    s.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
        f"    {hand_out} s\n"
    )
    statuses, after, reasons = migrate(tmp_path, {"conftest.py": text})["conftest.py"]
    assert (statuses, after) == ([Status.MANUAL], text)
    assert "a fixture" in reasons[0] or "in a yield" in reasons[0]


@pytest.mark.parametrize(
    "method,reason",
    [
        (
            "    @contextlib.contextmanager\n    def session(self):\n        yield self.s\n",
            "session() yields self.s",
        ),
        ("    def session(self):\n        return self.s\n", "session() returns self.s"),
    ],
    ids=["yield", "return"],
)
def test_a_class_handing_out_its_session_stays(tmp_path, method, reason):
    text = (
        "import contextlib\nimport os\n\nimport requests\n\n\nclass Hub:\n"
        "    def __init__(self):\n        self.s = requests.Session()\n"
        '        self.s.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n\n'
        "    def owners(self):\n"
        '        return self.s.get("https://api.hubapi.com/crm/v3/owners").json()\n\n'
        + method
    )
    statuses, after, reasons = migrate(tmp_path, {"one.py": text})["one.py"]
    assert (statuses, after) == ([Status.MANUAL], text)
    assert reason in reasons[0]


def test_a_function_returning_a_request_result_is_no_factory(tmp_path):
    """``return s.get(...)`` hands out a response, not the session: another
    module calling the function sends nothing with it."""
    home = (
        "import os\n\nimport requests\n\n\ndef owners():\n"
        "    s = requests.Session()\n"
        '    s.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
        '    return s.get("https://api.hubapi.com/crm/v3/owners").json()\n'
    )
    user = "from crm.hs import owners\n\n\ndef count():\n    return len(owners())\n"
    files = {"crm/__init__.py": "", "crm/hs.py": home, "crm/sync.py": user}
    assert migrate(tmp_path, files)["crm/hs.py"][0] == [Status.REWRITE]


def test_the_review_contextmanager_project_sends_as_before(tmp_path):
    files = {
        "src/crm/__init__.py": "",
        "src/crm/hs.py": CONTEXT,
        "src/crm/sync.py": SYNC,
        "scenario.py": (
            '"""A contextmanager yielding a keyed session, used for Slack too."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n'
            'RESPONSES = [{"method": "GET", "url": r"/owners/v2/owners", '
            '"json": [{"ownerId": 1}]}]\n\n\n'
            "def case_sync(credential):\n    from crm import sync\n\n    sync.sync()\n"
        ),
    }
    behaves(tmp_path / "yielded", files, manual=1)


# -- F5: a base URL rebound at run time -------------------------------------

REBOUND = {
    "global": "def configure(base):\n    global BASE\n    BASE = base\n",
    "globals": 'def configure(base):\n    globals()["BASE"] = base\n',
    "globals_update": "def configure(base):\n    globals().update(BASE=base)\n",
    "sys_modules": (
        "import sys\n\n\ndef configure(base):\n"
        '    setattr(sys.modules[__name__], "BASE", base)\n'
    ),
    "method": (
        "class Config:\n    def use(self, base):\n        global BASE\n"
        "        BASE = base\n"
    ),
}
REQUESTS = {
    "params": 'requests.get(BASE + "/crm/v3/owners", params={"hapikey": KEY})',
    "local_url": (
        'url = BASE + "/crm/v3/owners"\n'
        '    return requests.get(url, params={"hapikey": KEY})'
    ),
    "fstring": 'requests.get(f"{BASE}/crm/v3/owners?hapikey={KEY}")',
    "session": 'SESSION.get(BASE + "/crm/v3/owners")',
    "helper": 'requests.get(api("/crm/v3/owners"), params={"hapikey": KEY})',
}


def one_module(rebind: str, request: str) -> str:
    body = REQUESTS[request]
    if not body.startswith("url"):
        body = "return " + body
    session = (
        'SESSION = requests.Session()\nSESSION.params = {"hapikey": KEY}\n'
        if request == "session"
        else ""
    )
    return (
        "import os\n\nimport requests\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\nBASE = "https://api.hubapi.com"\n'
        + session
        + "\n\n"
        + rebind
        + "\n\ndef api(path):\n    return BASE + path\n"
        + f"\n\ndef owners():\n    {body}\n"
    )


@pytest.mark.parametrize("request_", sorted(REQUESTS))
@pytest.mark.parametrize("rebind", sorted(REBOUND))
def test_a_base_url_its_module_rebinds_keeps_the_requests_manual(
    tmp_path, rebind, request_
):
    text = one_module(REBOUND[rebind], request_)
    statuses, after, reasons = migrate(tmp_path, {"one.py": text})["one.py"]
    assert after == text
    assert Status.REWRITE not in statuses and Status.MANUAL in statuses
    assert any("rebinds at run time" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "rebind",
    [
        # to another HubSpot host: the token may go there
        'def use_eu():\n    global BASE\n    BASE = "https://api-eu1.hubapi.com"\n',
        # a local of the same name
        "def configure(base):\n    BASE = base\n    return BASE\n",
        # another global
        "def configure(n):\n    global TIMEOUT\n    TIMEOUT = n\n",
    ],
    ids=["hubspot_host", "local", "other_global"],
)
def test_a_base_url_not_rebound_elsewhere_is_migrated(tmp_path, rebind):
    text = one_module(rebind, "params")
    statuses, after, _ = migrate(tmp_path, {"one.py": text})["one.py"]
    assert statuses == [Status.REWRITE]
    assert BEARER in after


CONSTANTS = 'BASE_URL = "https://api.hubapi.com"\n'
READERS = {
    "attribute": (
        "import os\n\nimport requests\n\nfrom crm import constants\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\ndef owners():\n'
        '    return requests.get(constants.BASE_URL + "/crm/v3/owners", '
        'params={"hapikey": KEY}).json()\n'
    ),
    "from_import": (
        "import os\n\nimport requests\n\nfrom crm.constants import BASE_URL\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\ndef owners():\n'
        '    return requests.get(BASE_URL + "/crm/v3/owners", '
        'params={"hapikey": KEY}).json()\n'
    ),
}
WRITERS = {
    # the constants module's own function
    "own_global": (
        "crm/constants.py",
        CONSTANTS
        + "\n\ndef configure(url):\n    global BASE_URL\n    BASE_URL = url\n",
    ),
    "own_globals": (
        "crm/constants.py",
        CONSTANTS + '\n\ndef configure(url):\n    globals()["BASE_URL"] = url\n',
    ),
    # another module (the review's /tmp/review10/24 and its neighbours)
    "assigned": (
        "crm/main.py",
        "import sys\n\nfrom crm import constants\n\n\ndef main():\n"
        "    constants.BASE_URL = sys.argv[1]\n",
    ),
    "setattr": (
        "crm/main.py",
        "import sys\n\nfrom crm import constants\n\n\ndef main():\n"
        '    setattr(constants, "BASE_URL", sys.argv[1])\n',
    ),
    "aliased": (
        "crm/main.py",
        "import sys\n\nimport crm.constants as c\n\n\ndef main():\n"
        "    c.BASE_URL = sys.argv[1]\n",
    ),
    "dotted": (
        "crm/main.py",
        "import sys\n\nimport crm.constants\n\n\ndef main():\n"
        "    crm.constants.BASE_URL = sys.argv[1]\n",
    ),
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_base_url_rebound_in_the_tree_keeps_its_readers_manual(
    tmp_path, writer, reader
):
    where, text = WRITERS[writer]
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": CONSTANTS,
        where: text,
        "crm/client.py": READERS[reader],
    }
    out = migrate(tmp_path, files)
    statuses, after, reasons = out["crm/client.py"]
    assert (statuses, after) == ([Status.MANUAL], READERS[reader])
    assert "BASE_URL" in reasons[0] and "run time" in reasons[0]


OWN_GLOBAL = WRITERS["own_global"][1]
SEND = (
    'import os\n\nimport requests\n\n{imports}\n\nKEY = os.environ["HUBSPOT_API_KEY"]\n'
    "{own}\n\ndef owners():\n"
    '    return requests.get({base} + "/crm/v3/owners", params={{"hapikey": KEY}})\n'
)


@pytest.mark.parametrize(
    "imports,base,held",
    [
        ("import crm.constants as c", "c.BASE_URL", True),
        ("from crm import constants as hs", "hs.BASE_URL", True),
        ("from crm.constants import *", "BASE_URL", True),
        ("from crm.constants import (\n    BASE_URL,\n)", "BASE_URL", True),
        # its own BASE_URL, beside another module of the package
        ("from crm import other", "BASE_URL", False),
    ],
    ids=["aliased", "from_aliased", "star", "parenthesised", "its_own"],
)
def test_the_readers_of_a_base_url_its_module_rebinds(tmp_path, imports, base, held):
    own = "" if held else 'BASE_URL = "https://api.hubapi.com"\n'
    reader = SEND.format(imports=imports, base=base, own=own)
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": OWN_GLOBAL,
        "crm/other.py": "X = 1\n",
        "crm/client.py": reader,
    }
    statuses, after, reasons = migrate(tmp_path, files)["crm/client.py"]
    if held:
        assert (statuses, after) == ([Status.MANUAL], reader)
        assert "constants.py:6 rebinds BASE_URL" in reasons[0]
    else:
        assert statuses == [Status.REWRITE] and BEARER in after


def test_a_carrier_sent_to_a_rebound_base_url_keeps_the_key(tmp_path):
    """Its sender stays as it is: the params keep the key (not emptied)."""
    constants = (
        'import os\n\nBASE_URL = "https://api.hubapi.com"\n'
        'DEFAULT_PARAMS = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n\n\n'
        "def configure(url):\n    global BASE_URL\n    BASE_URL = url\n"
    )
    client = (
        "import requests\n\nfrom crm import constants\n\n\ndef owners():\n"
        '    return requests.get(constants.BASE_URL + "/crm/v3/owners", '
        "params=constants.DEFAULT_PARAMS)\n"
    )
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": constants,
        "crm/client.py": client,
    }
    out = migrate(tmp_path, files)
    assert out["crm/constants.py"][:2] == ([Status.MANUAL], constants)
    assert out["crm/client.py"][:2] == ([Status.MANUAL], client)


@pytest.mark.parametrize(
    "constants",
    [
        CONSTANTS
        + '\n\ndef use_eu():\n    global BASE_URL\n    BASE_URL = "https://api-eu1.hubapi.com"\n',
        CONSTANTS
        + "TIMEOUT = 10\n\n\ndef slow():\n    global TIMEOUT\n    TIMEOUT = 60\n",
        CONSTANTS,
    ],
    ids=["to_hubspot", "another_constant", "never"],
)
def test_a_base_url_the_tree_does_not_point_elsewhere_is_migrated(tmp_path, constants):
    files = {
        "crm/__init__.py": "",
        "crm/constants.py": constants,
        "crm/client.py": READERS["attribute"],
    }
    statuses, after, _ = migrate(tmp_path, files)["crm/client.py"]
    assert statuses == [Status.REWRITE]
    assert BEARER in after


@pytest.mark.parametrize(
    "files",
    [
        {  # /tmp/review10/25
            "src/one.py": one_module(REBOUND["global"], "params"),
            "scenario.py": (
                '"""BASE rebound with global by configure()."""\n'
                'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
                "def case_configured(credential):\n    import one\n\n"
                '    one.configure("https://hubspot-mock.example.com")\n'
                "    one.owners()\n"
            ),
        },
        {  # /tmp/review10/24
            "src/crm/__init__.py": "",
            "src/crm/constants.py": CONSTANTS,
            "src/crm/client.py": READERS["attribute"],
            "src/crm/main.py": (
                "import sys\n\nfrom crm import client, constants\n\n\ndef main():\n"
                "    constants.BASE_URL = sys.argv[1]\n    return client.owners()\n"
            ),
            "scenario.py": (
                '"""BASE_URL replaced at run time by the entry point."""\n'
                'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
                "def case_proxy(credential):\n    import sys\n\n"
                "    from crm import main\n\n"
                '    sys.argv = ["main", "https://recorder.example.com"]\n'
                "    main.main()\n"
            ),
        },
    ],
    ids=["global", "another_module"],
)
def test_the_review_rebound_base_projects_send_as_before(tmp_path, files):
    behaves(tmp_path / "rebound", files, manual=1)
