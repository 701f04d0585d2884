"""Sessions and clients whose key (a header once migrated) escapes to other hosts.

A session (``s.params = {"hapikey": KEY}``) or client (``httpx.Client(params=
{"hapikey": KEY})``) sends the key with every request it makes; as a token
header, every one of those requests must be seen to go to HubSpot. Review ten
found three ways the token still reached Slack or Clearbit:

* F15: a client made in ``with``/``async with`` (also with ``asyncio.gather``),
  or handed out by a factory (``def client(): return httpx.Client(...)``) that
  this or another module uses with ``with client() as c``, was not followed;
* F24: a session made in a class body (``class Hub: session = requests.Session()``)
  was followed through ``self.session`` only, not ``Hub.session`` here or in
  another module;
* F27: a module-level session stored in a table (``CLIENTS = {"slack": hub}``)
  or passed as an argument (``fn(hub)``) was not treated as escaping.

Each use is now followed to its requests, or the site stays manual, the reason
naming the place. The shapes around each (``self.client``, a method handing the
client out, ``map(client.get, urls)``, ``client.send(request)``, instances of a
class holding the session) are covered too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status
from tests.behaviour.compare import WRONG
from tests.behaviour.harness import Settings, run_project

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))
TOKEN = 'os.environ["HUBSPOT_ACCESS_TOKEN"]'
HUBSPOT = "https://api.hubapi.com/owners/v2/owners"
SLACK = "https://hooks.slack.com/services/T/B/X"
HEAD = "import os\n\nimport httpx\nimport requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n"


def migrate(root: Path, files: dict[str, str]) -> dict[str, tuple[list, str, list]]:
    """Migrate a tree: {name: (statuses of its key sites, text after, reasons)}."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    out = {}
    paths = sorted(str(root / name) for name in files)
    for result in run.results(paths, OPTIONS, jobs=1):
        assert result.error is None, result.error
        name = Path(result.path).relative_to(root).as_posix()
        sites = [s for s in result.sites if s.kind.value not in ("call", "version")]
        text = result.new.decode() if result.changed else files[name]
        out[name] = ([s.status for s in sites], text, [s.reason for s in sites])
    return out


def left(root: Path, files: dict[str, str], name: str, reason: str) -> None:
    """Every key site of ``name`` is manual, the reason saying ``reason``, and
    no file of the tree changes."""
    out = migrate(root, files)
    statuses, _, reasons = out[name]
    assert statuses and set(statuses) == {Status.MANUAL}, (statuses, reasons)
    assert all(reason in r for r in reasons), reasons
    for each, (_, text, _) in out.items():
        assert text == files[each], each


def migrated(root: Path, files: dict[str, str], name: str) -> str:
    """``name``'s key sites are all rewritten: its text after."""
    statuses, text, reasons = migrate(root, files)[name]
    assert statuses and set(statuses) == {Status.REWRITE}, (statuses, reasons)
    assert TOKEN in text and "hapikey" not in text
    return text


def behaves(root: Path, files: dict[str, str], manual: int) -> None:
    """Run the project's cases before and after ``apply``: no wrong verdict
    (token to another host, credential lost, crash), ``manual`` sites left."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = run_project(root, Settings())
    assert not result.errors, result.errors
    assert result.verdicts
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert result.counts.manual == manual


# -- F15: a client made with the key, in `with`, handed out, held ------------

CLIENT_ESCAPES = {
    "with_as": (
        "def a(email):\n"
        "    with httpx.Client(params={'hapikey': KEY}) as client:\n"
        f"        client.get('{HUBSPOT}')\n"
        f"        client.post('{SLACK}', json={{'email': email}})\n",
        "also sends to hooks.slack.com",
    ),
    "async_with": (
        "async def a():\n"
        "    async with httpx.AsyncClient(params={'hapikey': KEY}, timeout=10) as c:\n"
        f"        await c.get('{HUBSPOT}')\n"
        f"        return await c.post('{SLACK}')\n",
        "also sends to hooks.slack.com",
    ),
    "gathered": (
        "import asyncio\n"
        "async def a(emails):\n"
        "    async with httpx.AsyncClient(params={'hapikey': KEY}) as c:\n"
        "        return await asyncio.gather(*(c.get(f'https://person.clearbit."
        "example.com/v2/find?email={e}') for e in emails))\n",
        "also sends to person.clearbit.example.com",
    ),
    "bound_method_handed_on": (
        "import asyncio\n"
        "async def a(urls):\n"
        "    async with httpx.AsyncClient(params={'hapikey': KEY}) as c:\n"
        "        return await asyncio.gather(*map(c.get, urls))\n",
        "its .get is handed on at line",
    ),
    "partial": (
        "import functools\n"
        "def a():\n"
        "    with httpx.Client(params={'hapikey': KEY}) as c:\n"
        "        return functools.partial(c.post, json={})\n",
        "its .post is handed on at line",
    ),
    "built_request_sent": (
        "def a(url):\n"
        "    with httpx.Client(params={'hapikey': KEY}) as c:\n"
        "        return c.send(c.build_request('GET', url))\n",
        "sends a request built elsewhere",
    ),
    "factory_here": (
        "def client():\n"
        "    return httpx.Client(base_url='https://api.hubapi.com', params={'hapikey': KEY})\n"
        "def run():\n"
        "    with client() as c:\n"
        "        c.get('/owners/v2/owners')\n"
        f"        c.post('{SLACK}')\n",
        "also sends to hooks.slack.com",
    ),
    "factory_passed_as_callable": (
        "def client():\n"
        "    return httpx.Client(base_url='https://api.hubapi.com', params={'hapikey': KEY})\n"
        "def run(pool):\n"
        "    pool.register(client)\n",
        "client is handed on at line",
    ),
    "method_called_on_another_object": (
        "class Api:\n"
        "    def client(self):\n"
        "        return httpx.Client(params={'hapikey': KEY})\n"
        "def notify(api):\n"
        "    with api.client() as c:\n"
        f"        c.post('{SLACK}')\n",
        "reaches client() unfollowed",
    ),
    "yielded": (
        "import contextlib\n"
        "@contextlib.contextmanager\n"
        "def hub():\n"
        "    with httpx.Client(params={'hapikey': KEY}) as c:\n"
        "        yield c\n",
        "a yield",
    ),
    "self_attribute": (
        "class Api:\n"
        "    def __init__(self):\n"
        "        self.client = httpx.Client(params={'hapikey': KEY})\n"
        "    def owners(self):\n"
        f"        return self.client.get('{HUBSPOT}')\n"
        "    def notify(self):\n"
        f"        return self.client.post('{SLACK}')\n",
        "also sends to hooks.slack.com",
    ),
    "self_attribute_through_a_parameter": (
        "class Api:\n"
        "    def __init__(self):\n"
        "        self.client = httpx.Client(params={'hapikey': KEY})\n"
        "    def owners(self):\n"
        f"        return self.client.get('{HUBSPOT}')\n"
        "def notify(api):\n"
        f"    api.client.post('{SLACK}')\n",
        "the instances of Api carry",
    ),
    "stored_in_a_table": (
        "client = httpx.Client(params={'hapikey': KEY})\n"
        "CLIENTS = {'hubspot': client}\n"
        f"def owners():\n    return client.get('{HUBSPOT}')\n",
        "a dict entry",
    ),
    "any_url_without_a_base": (
        "def fetch(url):\n"
        "    with httpx.Client(params={'hapikey': KEY}) as c:\n"
        "        return c.get(url)\n",
        "an unknown host",
    ),
    "given_to_a_constructor": (
        "def make(Wrapper):\n"
        "    return Wrapper(httpx.Client(params={'hapikey': KEY}))\n",
        "passed to Wrapper()",
    ),
}


@pytest.mark.parametrize("name", sorted(CLIENT_ESCAPES))
def test_a_client_whose_uses_are_not_all_followed_to_hubspot_stays(tmp_path, name):
    """F15 and around: a client made with the key whose use goes elsewhere, or
    leaves where it can be followed, keeps its key: the token must not reach
    Slack, Clearbit, or whatever an unseen caller sends to."""
    body, reason = CLIENT_ESCAPES[name]
    left(tmp_path, {"one.py": HEAD + body}, "one.py", reason)


CLIENT_STAYS = {
    "with_as": (
        "def a():\n"
        "    with httpx.Client(params={'hapikey': KEY}, timeout=5) as client:\n"
        f"        return client.get('{HUBSPOT}').json()\n"
    ),
    "async_gather": (
        "import asyncio\n"
        "async def a(ids):\n"
        "    async with httpx.AsyncClient(params={'hapikey': KEY}) as c:\n"
        "        return await asyncio.gather(*(c.get(f'https://api.hubapi.com/"
        "contacts/v1/contact/vid/{i}/profile') for i in ids))\n"
    ),
    "factory_here": (
        "def client():\n"
        "    return httpx.Client(base_url='https://api.hubapi.com', params={'hapikey': KEY})\n"
        "def run():\n"
        "    with client() as c:\n"
        "        return c.get('/owners/v2/owners').json()\n"
    ),
    "method_called_on_self": (
        "class Api:\n"
        "    def _client(self):\n"
        "        return httpx.Client(base_url='https://api.hubapi.com', params={'hapikey': KEY})\n"
        "    def owners(self):\n"
        "        with self._client() as c:\n"
        "            return c.get('/owners/v2/owners').json()\n"
    ),
    "self_attribute": (
        "class Api:\n"
        "    def __init__(self):\n"
        "        self.client = httpx.Client(params={'hapikey': KEY})\n"
        "    def owners(self):\n"
        f"        return self.client.get('{HUBSPOT}').json()\n"
        "    def close(self):\n"
        "        self.client.close()\n"
        "api = Api()\n"
    ),
}


@pytest.mark.parametrize("name", sorted(CLIENT_STAYS))
def test_a_client_whose_every_request_goes_to_hubspot_is_migrated(tmp_path, name):
    """The same shapes, every request followed to HubSpot: the client is given
    the header instead of its default key (not every client becomes manual)."""
    text = migrated(tmp_path, {"one.py": HEAD + CLIENT_STAYS[name]}, "one.py")
    assert '"Authorization": "Bearer " + ' + TOKEN in text


FACTORIES = (
    "import os\n\nimport httpx\n\n\n"
    "def client():\n"
    "    return httpx.Client(base_url='https://api.hubapi.com', "
    "params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n\n\n"
    "def async_client():\n"
    "    return httpx.AsyncClient(base_url='https://api.hubapi.com', "
    "params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n"
)
SYNC = (
    "from crm.hs import async_client, client\n\n\n"
    "def run():\n"
    "    with client() as c:\n"
    "        c.get('/owners/v2/owners')\n"
    f"        c.post('{SLACK}', json={{'text': 'ok'}})\n\n\n"
    "async def arun():\n"
    "    async with async_client() as c:\n"
    "        await c.get('/owners/v2/owners')\n"
    f"        await c.post('{SLACK}', json={{'text': 'ok'}})\n"
)


def test_client_factories_another_module_uses_for_slack_stay(tmp_path):
    """F15, the tree form (/tmp/review10/76): factories returning httpx clients
    made with the key, used by another module with `with client() as c` for
    Slack too, keep their key, as a session factory's does."""
    files = {"crm/__init__.py": "", "crm/hs.py": FACTORIES, "crm/sync.py": SYNC}
    left(tmp_path, files, "crm/hs.py", "other modules of the tree")


def test_client_factories_sending_to_slack_keep_the_token_home(tmp_path):
    """The same project run before and after apply: Slack never gets a token."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/hs.py": FACTORIES,
        "src/crm/sync.py": SYNC,
        "scenario.py": (
            '"""httpx client factories used by another module for Slack too."""\n'
            "ENV = {'HUBSPOT_API_KEY': 'key-main'}\n\n\n"
            "def case_sync(credential):\n"
            "    from crm import sync\n\n    sync.run()\n\n\n"
            "def case_async(credential):\n"
            "    import asyncio\n\n    from crm import sync\n\n"
            "    asyncio.run(sync.arun())\n"
        ),
    }
    behaves(tmp_path / "factories", files, manual=2)


def test_an_async_client_gathered_for_hubspot_and_clearbit_keeps_the_token_home(
    tmp_path,
):
    """F15 (/tmp/review10/61): asyncio.gather over one AsyncClient for HubSpot
    and an enrichment API, directly and through map(client.get, urls)."""
    one = (
        "import asyncio\nimport os\n\nimport httpx\n\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\n"
        "CLEARBIT = 'https://person.clearbit.example.com/v2/combined/find'\n\n\n"
        "async def enrich(emails):\n"
        "    async with httpx.AsyncClient(params={'hapikey': KEY}, timeout=10) as client:\n"
        "        contacts = await asyncio.gather(*(client.get(f'https://api.hubapi.com/"
        "contacts/v1/contact/email/{e}/profile') for e in emails))\n"
        "        people = await asyncio.gather(*(client.get(CLEARBIT, params={'email': e})"
        " for e in emails))\n"
        "        return contacts, people\n\n\n"
        "async def enrich2(emails):\n"
        "    async with httpx.AsyncClient(params={'hapikey': KEY}, timeout=10) as client:\n"
        "        urls = [f'https://api.hubapi.com/contacts/v1/contact/email/{e}/profile'"
        " for e in emails] + [CLEARBIT]\n"
        "        return await asyncio.gather(*map(client.get, urls))\n"
    )
    scenario = (
        '"""An AsyncClient with the key used with asyncio.gather."""\n'
        "ENV = {'HUBSPOT_API_KEY': 'key-main'}\n\n\n"
        "def case_enrich(credential):\n"
        "    import asyncio\n\n    import one\n\n"
        "    asyncio.run(one.enrich(['a@example.com']))\n\n\n"
        "def case_enrich2(credential):\n"
        "    import asyncio\n\n    import one\n\n"
        "    asyncio.run(one.enrich2(['a@example.com']))\n"
    )
    behaves(tmp_path / "gathered", {"src/one.py": one, "scenario.py": scenario}, 2)


# -- F24: a session made in a class body ---------------------------------------

HUB = (
    "import os\n\nimport requests\n\n\n"
    "class Hub:\n"
    "    session = requests.Session()\n"
    "    session.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n\n"
    "    def owners(self):\n"
    f"        return self.session.get('{HUBSPOT}').json()\n"
)
CLASS_BODY_ESCAPES = {
    "through_the_class": (
        f"\n\ndef slack(text):\n    Hub.session.post('{SLACK}', json={{'text': text}})\n",
        "also sends to hooks.slack.com",
    ),
    "through_an_instance": (
        f"\n\ndef slack():\n    h = Hub()\n    h.session.post('{SLACK}')\n",
        "the instances of Hub carry",
    ),
    "passed_on": (
        "\n\ndef pool(fn):\n    return fn(Hub.session)\n",
        "passed to fn()",
    ),
    "through_cls": (
        "\n\nclass Hub2(Hub):\n    pass\n",
        "subclass Hub2",
    ),
}


@pytest.mark.parametrize("name", sorted(CLASS_BODY_ESCAPES))
def test_a_class_body_session_used_elsewhere_in_its_module_stays(tmp_path, name):
    """F24, one module (/tmp/review10/94): `Hub.session.post(slack)`, an
    instance's session sent to Slack, the session passed on, a subclass."""
    tail, reason = CLASS_BODY_ESCAPES[name]
    left(tmp_path, {"one.py": HUB + tail}, "one.py", reason)


def test_a_class_body_session_kept_on_hubspot_is_migrated(tmp_path):
    """Its uses through the class and its instances all reach HubSpot: the
    session gets the header."""
    tail = (
        "\n\ndef deals():\n"
        "    return Hub.session.get('https://api.hubapi.com/deals/v1/deal/paged')\n"
    )
    text = migrated(tmp_path, {"one.py": HUB + tail}, "one.py")
    assert f'    session.headers["Authorization"] = "Bearer " + {TOKEN}\n' in text


@pytest.mark.parametrize(
    "notify,manual",
    [
        (f"    Hub.session.post('{SLACK}', json={{'text': text}})\n", True),
        ("    register(Hub.session)\n", True),
        (f"    Hub().session.post('{SLACK}')\n", True),
        (
            "    return Hub.session.get('https://api.hubapi.com/deals/v1/deal/paged')\n",
            False,
        ),
    ],
    ids=["to_slack", "passed_on", "instance_to_slack", "to_hubspot"],
)
def test_a_class_body_session_another_module_uses(tmp_path, notify, manual):
    """F24, the tree form (/tmp/review10/93): another module's `Hub.session`
    (or an instance's) sent elsewhere or passed on keeps the key; sent to
    HubSpot only, the session is migrated."""
    files = {
        "crm/__init__.py": "",
        "crm/hub.py": HUB,
        "crm/notify.py": "from crm.hub import Hub\n\n\ndef slack(text, register=print):\n"
        + notify,
    }
    if manual:
        left(tmp_path, files, "crm/hub.py", "used by other modules of the tree")
    else:
        migrated(tmp_path, files, "crm/hub.py")


def test_a_class_body_session_sending_to_slack_elsewhere_keeps_the_token_home(
    tmp_path,
):
    """/tmp/review10/93 run before and after apply."""
    files = {
        "src/crm/__init__.py": "",
        "src/crm/hub.py": HUB,
        "src/crm/notify.py": (
            "from crm.hub import Hub\n\n\ndef slack(text):\n"
            f"    Hub.session.post('{SLACK}', json={{'text': text}})\n"
        ),
        "scenario.py": (
            '"""A class-body session used by another module for Slack."""\n'
            "ENV = {'HUBSPOT_API_KEY': 'key-main'}\n\n\n"
            "def case_notify(credential):\n"
            "    from crm import hub, notify\n\n"
            "    hub.Hub().owners()\n    notify.slack('done')\n"
        ),
    }
    behaves(tmp_path / "class_body", files, manual=1)


# -- F27: a module-level session stored or passed on ------------------------------

SESSION = (
    "import os\n\nimport requests\n\n"
    "hub = requests.Session()\n"
    "hub.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n\n\n"
    f"def owners():\n    return hub.get('{HUBSPOT}').json()\n"
)
SESSION_ESCAPES = {
    "dict": (
        "CLIENTS = {'hubspot': hub, 'slack': hub}\n\n\n"
        f"def notify(text):\n    CLIENTS['slack'].post('{SLACK}', json={{'text': text}})\n",
        "a dict entry",
    ),
    "list": ("POOL = [hub]\n", "a list or tuple"),
    "argument": ("def pool(fn):\n    return fn(hub)\n", "passed to fn()"),
    "stored_on_another_object": (
        "def install(app):\n    app.http = hub\n",
        "app.http is not used in this module",
    ),
    "yielded": ("def sessions():\n    yield hub\n", "a yield"),
    "bound_method": (
        "def fetch_all(urls):\n    return list(map(hub.get, urls))\n",
        "its .get is handed on at line",
    ),
}


@pytest.mark.parametrize("name", sorted(SESSION_ESCAPES))
def test_a_module_session_stored_or_passed_on_stays(tmp_path, name):
    """F27 (/tmp/review10/102): a keyed session put in a table, a list, another
    object, passed to a function not followed, yielded, or its bound .get
    handed on: where it goes is not seen, so it keeps its key."""
    tail, reason = SESSION_ESCAPES[name]
    left(tmp_path, {"one.py": SESSION + "\n\n" + tail}, "one.py", reason)


def test_a_module_session_whose_uses_stay_local_is_migrated(tmp_path):
    """Neutral uses (closing it at exit, its headers, a local helper it is
    passed to that sends to HubSpot) leave it migrated."""
    tail = (
        "\n\nimport atexit\n\natexit.register(hub.close)\n"
        "hub.headers.update({'Accept': 'application/json'})\n\n\n"
        "def _deals(s):\n"
        "    return s.get('https://api.hubapi.com/deals/v1/deal/paged')\n\n\n"
        "def deals():\n    return _deals(hub)\n"
    )
    text = migrated(tmp_path, {"one.py": SESSION + tail}, "one.py")
    assert f'hub.headers["Authorization"] = "Bearer " + {TOKEN}\n' in text


@pytest.mark.parametrize(
    "user",
    [
        "from one import hub\n\nCLIENTS = {'slack': hub}\n",
        "import one\n\n\ndef go(register):\n    register(one.hub)\n",
    ],
    ids=["table", "argument"],
)
def test_a_module_session_another_module_stores_or_passes_on_stays(tmp_path, user):
    """F27 across modules: another module's table or call takes the session."""
    left(tmp_path, {"one.py": SESSION, "two.py": user}, "one.py", "cannot change")


def test_a_session_in_a_table_of_clients_keeps_the_token_home(tmp_path):
    """/tmp/review10/102 run before and after apply."""
    one = SESSION + (
        "\n\nCLIENTS = {'hubspot': hub, 'slack': hub}\n\n\n"
        f"def notify(text):\n    CLIENTS['slack'].post('{SLACK}', json={{'text': text}})\n"
    )
    scenario = (
        '"""A keyed session in a dict of clients, used from there for Slack."""\n'
        "ENV = {'HUBSPOT_API_KEY': 'key-main'}\n\n\n"
        "def case_notify(credential):\n"
        "    import one\n\n    one.owners()\n    one.notify('done')\n"
    )
    behaves(tmp_path / "table", {"src/one.py": one, "scenario.py": scenario}, 1)


CLIENT_MODULE = (
    "import os\n\nimport httpx\n\n"
    "client = httpx.Client(params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n\n\n"
    f"def owners():\n    return client.get('{HUBSPOT}')\n"
)


@pytest.mark.parametrize(
    "user,manual",
    [
        ("from one import client\n\nCLIENTS = {'slack': client}\n", True),
        ("import one\n\n\ndef go(register):\n    register(one.client)\n", True),
        (
            "from one import (\n    client,\n    owners,\n)\n\n\n"
            "def go():\n    return [owners, client]\n",
            True,
        ),
        (f"from one import client\n\n\ndef go():\n    client.post('{SLACK}')\n", True),
        (
            "import one\n\n\ndef go(client):\n    return client\n\n\n"
            "def deals():\n"
            "    return one.client.get('https://api.hubapi.com/deals/v1/deal/paged')\n",
            False,
        ),
    ],
    ids=["table", "argument", "list", "to_slack", "own_local_of_that_name"],
)
def test_a_module_client_another_module_stores_or_passes_on(tmp_path, user, manual):
    """A module-level client made with the key that another module puts in a
    table, passes on or sends to Slack keeps its key; a local of the same
    name in a module that reaches the client as `one.client` is not it."""
    files = {"one.py": CLIENT_MODULE, "two.py": user}
    if manual:
        left(tmp_path, files, "one.py", "used by other modules of the tree")
    else:
        migrated(tmp_path, files, "one.py")


def test_a_session_subclass_handing_itself_to_super_is_migrated(tmp_path):
    """`super().__init__()` is the session subclass's own set-up, not the
    session escaping: its instances are what is judged."""
    body = (
        "class HubSpotSession(requests.Session):\n"
        "    def __init__(self):\n"
        "        super(HubSpotSession, self).__init__()\n"
        "        self.params['hapikey'] = KEY\n"
        "\n\ndef owners():\n"
        "    s = HubSpotSession()\n"
        f"    return s.get('{HUBSPOT}').json()\n"
    )
    text = migrated(tmp_path, {"one.py": HEAD + body}, "one.py")
    assert f'self.headers["Authorization"] = "Bearer " + {TOKEN}' in text
