"""The tree-wide step, for what other modules do (seventh review, W19 and W21):

- another module SETS a key's variable (a runner handing each portal's key to a
  child through ``HUBSPOT_API_KEY``, a CLI putting ``--api-key`` there): the
  module reading it stays manual, naming the writer, since the provider's one
  token would serve every portal;
- another module uses a migrated client or request helper for a developer-key
  API (webhooks, the ecommerce bridge settings): the module stays as it is, its
  sites manual, naming that use (those APIs take the developer key only).

Each is run through :func:`hapimigrate.run.results` on a small tree, and the
shapes of the review end to end with the behaviour harness (before and after
``apply``: no request sent differently).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hapimigrate import providers, run, tree_developer, tree_writers
from hapimigrate.model import RunOptions, Status
from tests.behaviour.compare import WRONG
from tests.behaviour.harness import Settings, run_project

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))

CHILD = """\
import os
import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]


def main():
    return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": API_KEY})
"""


def migrate(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple]:
    """{name: (key sites as (status, reason), text after)} for a tree."""
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    paths = sorted(str(tmp_path / name) for name in files)
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        name = Path(result.path).relative_to(tmp_path).as_posix()
        sites = [
            (s.status, s.reason)
            for s in result.sites
            if s.kind.value not in ("call", "version")
        ]
        text = result.new.decode() if result.changed else (tmp_path / name).read_text()
        out[name] = (sites, text)
    return out


# --- W21: another module writes the key's variable -------------------------------

RUNNERS = {
    "subprocess env=dict(os.environ, ...)": (
        """\
        import os, subprocess, sys
        PORTALS = {"acme": "ACME_HUBSPOT_KEY", "globex": "GLOBEX_HUBSPOT_KEY"}
        def run_all():
            for name, var in PORTALS.items():
                env = dict(os.environ, HUBSPOT_API_KEY=os.environ[var])
                subprocess.run([sys.executable, "child.py"], env=env, check=True)
        """,
        5,
    ),
    "os.environ[...] = args.api_key": (
        """\
        import argparse, os
        import child
        def main(argv=None):
            parser = argparse.ArgumentParser()
            parser.add_argument("--api-key", required=True)
            args = parser.parse_args(argv)
            os.environ["HUBSPOT_API_KEY"] = args.api_key
            return child.main()
        """,
        7,
    ),
    "a copy of the environment": (
        """\
        import os, subprocess
        def run(key):
            child_env = os.environ.copy()
            child_env["HUBSPOT_API_KEY"] = key
            subprocess.run(["python", "child.py"], env=child_env)
        """,
        4,
    ),
    "{**os.environ, ...}": (
        """\
        import os, subprocess
        def run(key):
            subprocess.run(["python", "child.py"], env={**os.environ, "HUBSPOT_API_KEY": key})
        """,
        3,
    ),
    "env={...} of its own": (
        """\
        import subprocess
        def run(key):
            subprocess.run(["python", "child.py"], env={"HUBSPOT_API_KEY": key})
        """,
        3,
    ),
    "os.environ.setdefault": (
        """\
        import os
        def configure(key):
            os.environ.setdefault("HUBSPOT_API_KEY", key)
        """,
        3,
    ),
    "os.environ.update(NAME=...)": (
        """\
        import os
        def configure(key):
            os.environ.update(HUBSPOT_API_KEY=key)
        """,
        3,
    ),
    "os.environ.update({...})": (
        """\
        import os
        def configure(key):
            os.environ.update({"HUBSPOT_API_KEY": key, "OTHER": "1"})
        """,
        3,
    ),
    "os.putenv": (
        """\
        import os
        def configure(key):
            os.putenv("HUBSPOT_API_KEY", key)
        """,
        3,
    ),
    # the ninth review: the variable's name held in a module constant
    "os.environ[VAR] = ...": (
        """\
        import os
        VAR = "HUBSPOT_API_KEY"
        def configure(key):
            os.environ[VAR] = key
        """,
        4,
    ),
}


@pytest.mark.parametrize("shape", sorted(RUNNERS))
def test_a_reader_of_a_variable_another_module_sets_stays_manual(tmp_path, shape):
    runner, line = RUNNERS[shape]
    out = migrate(tmp_path, {"child.py": CHILD, "runner.py": runner})
    sites, text = out["child.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    reason = sites[0][1]
    assert reason.startswith(f"runner.py:{line} sets HUBSPOT_API_KEY")
    assert text == CHILD  # nothing changed: the key per portal is still sent


def test_a_reader_of_the_variable_through_another_modules_name(tmp_path):
    # crm.py reads config.API_KEY, which is os.environ["HUBSPOT_API_KEY"]
    config = 'import os\nAPI_KEY = os.environ.get("HUBSPOT_API_KEY")\n'
    crm = """\
    import requests
    from config import API_KEY
    def owners():
        return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": API_KEY})
    """
    cli = 'import os, sys\nos.environ["HUBSPOT_API_KEY"] = sys.argv[1]\nimport crm\n'
    out = migrate(tmp_path, {"config.py": config, "crm.py": crm, "cli.py": cli})
    sites, text = out["crm.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert sites[0][1].startswith("cli.py:2 sets")
    assert "hapikey" in text
    assert out["config.py"][1] == config  # still read, so still defined


def test_the_variable_in_a_url_an_sdk_client_and_a_carrier(tmp_path):
    files = {
        "runner.py": 'import os\ndef use(key):\n    os.environ["HUBSPOT_API_KEY"] = key\n',
        "urls.py": """\
        import os, requests
        def owners():
            return requests.get("https://api.hubapi.com/crm/v3/owners?hapikey=" + os.environ["HUBSPOT_API_KEY"])
        """,
        "sdk.py": """\
        import os
        from hubspot import HubSpot
        client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])
        """,
        "constants.py": "import os\nPARAMS = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n",
        "reader.py": """\
        import requests
        from constants import PARAMS
        def owners():
            return requests.get("https://api.hubapi.com/crm/v3/owners", params=PARAMS)
        """,
    }
    out = migrate(tmp_path, files)
    for name in ("urls.py", "sdk.py", "constants.py", "reader.py"):
        sites, text = out[name]
        assert all(s == Status.MANUAL for s, _ in sites), (name, sites)
        assert text == textwrap.dedent(files[name]), name
    # the carrier is exported blocked: its use in reader.py is a manual site too,
    # never passed over in silence
    assert out["constants.py"][0] and out["reader.py"][0]
    assert "runner.py:3 sets HUBSPOT_API_KEY" in out["urls.py"][0][0][1]
    assert "runner.py:3 sets HUBSPOT_API_KEY" in out["sdk.py"][0][0][1]


def test_writers_that_do_not_pick_the_key_leave_the_reader_migrated(tmp_path):
    """Tests setting a key for their fixtures, another variable written, a
    configuration mapping that is not an environment, a read of the variable."""
    files = {
        "child.py": CHILD,
        "tests/test_child.py": (
            "import os\nos.environ['HUBSPOT_API_KEY'] = 'test'\n"
            "def test_it(monkeypatch):\n"
            "    monkeypatch.setenv('HUBSPOT_API_KEY', 'x')\n"
        ),
        "conftest.py": "import os\nos.environ.setdefault('HUBSPOT_API_KEY', 'k')\n",
        "jobs.py": (
            "import os, subprocess\n"
            "CONFIG = {}\n"
            "CONFIG['HUBSPOT_API_KEY'] = os.environ['HUBSPOT_API_KEY']\n"
            "def run():\n"
            "    env = dict(os.environ, SLACK_TOKEN='x')\n"
            "    subprocess.run(['x'], env=env)\n"
            "    print(os.environ.get('HUBSPOT_API_KEY'))\n"
        ),
    }
    out = migrate(tmp_path, files)
    sites, text = out["child.py"]
    assert [s for s, _ in sites] == [Status.REWRITE]
    assert "HUBSPOT_ACCESS_TOKEN" in text


def test_another_variable_written_leaves_the_reader_migrated(tmp_path):
    runner = "import os\nos.environ['HUBSPOT_SANDBOX_API_KEY'] = 'x'\n"
    out = migrate(tmp_path, {"child.py": CHILD, "runner.py": runner})
    assert [s for s, _ in out["child.py"][0]] == [Status.REWRITE]


def test_writers_are_found_by_a_byte_scan_first(tmp_path):
    """Files that do not name an environment, or the variable, are not parsed."""
    (tmp_path / "a.py").write_text("x = 1\n")
    (tmp_path / "b.py").write_text("import os\nos.environ['OTHER'] = '1'\n")
    (tmp_path / "c.py").write_text("import os\nos.environ['HUBSPOT_API_KEY'] = '1'\n")
    (tmp_path / "broken.py").write_text(
        "import os\nos.environ['HUBSPOT_API_KEY'] = (\n"
    )
    parsed = []
    real = tree_writers._writes
    try:
        tree_writers._writes = lambda data, names: parsed.append(data) or real(
            data, names
        )
        found = tree_writers.find(
            sorted(str(p) for p in tmp_path.iterdir()), {"HUBSPOT_API_KEY"}
        )
    finally:
        tree_writers._writes = real
    assert dict(found.variables) == {"HUBSPOT_API_KEY": "c.py:2"}
    assert len(parsed) == 2  # c.py and broken.py (which does not parse: no write)


# --- W19: a migrated client or helper used elsewhere for developer-key APIs -------


def test_an_sdk_client_another_module_uses_for_webhooks_stays(tmp_path):
    hub = 'import os\nfrom hubspot import HubSpot\n\nclient = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    hooks = """\
    import os
    from app.hub import client

    APP_ID = int(os.environ["HUBSPOT_APP_ID"])


    def subscriptions():
        return client.webhooks.subscriptions_api.get_all(app_id=APP_ID)
    """
    out = migrate(
        tmp_path, {"app/__init__.py": "", "app/hub.py": hub, "app/hooks.py": hooks}
    )
    sites, text = out["app/hub.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert sites[0][1].startswith("hooks.py:8 uses client for a developer-key API")
    assert text == hub


def test_a_factory_another_module_uses_for_the_bridge_settings_stays(tmp_path):
    hub = (
        "import os\nfrom hubspot3 import Hubspot3\n\n\ndef make_client():\n"
        '    return Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    )
    bridge = (
        "from app import hub\n\n\ndef settings():\n"
        "    return hub.make_client().ecommerce_bridge.get_sync_settings(1)\n"
    )
    out = migrate(
        tmp_path, {"app/__init__.py": "", "app/hub.py": hub, "app/bridge.py": bridge}
    )
    sites, text = out["app/hub.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert "bridge.py:5 uses make_client" in sites[0][1]
    assert text == hub


HS = """\
import os
import requests

KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"


def get(path, **params):
    params["hapikey"] = KEY
    return requests.get(BASE + path, params=params)


def owners():
    return get("/crm/v3/owners")
"""


@pytest.mark.parametrize(
    "call",
    [
        'hs.get("/webhooks/v1/%s/settings" % APP_ID)',
        'hs.get(f"/webhooks/v3/{APP_ID}/subscriptions")',
        'hs.get("/integrations/v1/" + APP_ID + "/timeline/event-types")',
    ],
)
def test_a_helper_another_module_gives_a_developer_key_path_stays(tmp_path, call):
    hooks = f"import os\nfrom app import hs\n\nAPP_ID = os.environ['APP']\n\n\ndef settings():\n    return {call}\n"
    out = migrate(
        tmp_path, {"app/__init__.py": "", "app/hs.py": HS, "app/hooks.py": hooks}
    )
    sites, text = out["app/hs.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert sites[0][1].startswith("hooks.py:8 uses get for a developer-key API")
    assert text == HS


def test_a_developer_key_path_given_by_name(tmp_path):
    hooks = (
        "from app.hs import get\n\n\ndef settings(app):\n"
        '    path = "/webhooks/v3/%s/settings" % app\n'
        "    return get(path)\n"
    )
    out = migrate(
        tmp_path, {"app/__init__.py": "", "app/hs.py": HS, "app/hooks.py": hooks}
    )
    sites, _ = out["app/hs.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert "hooks.py:6 uses get" in sites[0][1]


def test_other_modules_portal_uses_leave_the_module_migrated(tmp_path):
    """Token APIs through the helper, and a webhooks call that does not go
    through it (its own developer key), change nothing."""
    reports = (
        "import os, requests\nfrom app import hs\n\n\ndef owners():\n"
        '    return hs.get("/crm/v3/owners")\n\n\n'
        "def hooks():\n"
        '    return requests.get("https://api.hubapi.com/webhooks/v3/1/settings",'
        ' params={"hapikey": os.environ["HUBSPOT_DEVELOPER_KEY"]})\n'
    )
    out = migrate(
        tmp_path, {"app/__init__.py": "", "app/hs.py": HS, "app/reports.py": reports}
    )
    sites, text = out["app/hs.py"]
    assert [s for s, _ in sites] == [Status.REWRITE]
    assert "Bearer" in text
    assert [s for s, _ in out["app/reports.py"][0]] == [Status.KEPT]


def test_a_held_module_is_left_whole(tmp_path):
    """The module keeps its text: its other sites say why they stay too."""
    hub = """\
    import os
    import requests
    from hubspot import HubSpot

    client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])


    def owners():
        return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": os.environ["HUBSPOT_API_KEY"]})
    """
    hooks = "from hub import client\n\n\ndef subs():\n    return client.webhooks.subscriptions_api.get_all(app_id=1)\n"
    out = migrate(tmp_path, {"hub.py": hub, "hooks.py": hooks})
    sites, text = out["hub.py"]
    assert [s for s, _ in sites] == [Status.MANUAL, Status.MANUAL]
    assert sites[0][1].startswith("hooks.py:5 uses client")
    assert sites[1][1].startswith(
        "left with this module's other uses of the key: line 5"
    )
    assert text == textwrap.dedent(hub)


def test_a_held_module_refuses_its_carriers_in_other_modules(tmp_path):
    """A carrier the held module defines is not migrated in its readers
    (they would send it without the key and without a token)."""
    hub = """\
    import os
    from hubspot import HubSpot

    KEY = os.environ["HUBSPOT_API_KEY"]
    PARAMS = {"hapikey": KEY}
    client = HubSpot(api_key=KEY)
    """
    reader = """\
    import requests
    from hub import PARAMS
    def owners():
        return requests.get("https://api.hubapi.com/crm/v3/owners", params=PARAMS)
    """
    hooks = "import hub\n\n\ndef subs():\n    return hub.client.webhooks.settings_api.get_all(1)\n"
    out = migrate(tmp_path, {"hub.py": hub, "reader.py": reader, "hooks.py": hooks})
    assert out["hub.py"][1] == textwrap.dedent(hub)
    sites, text = out["reader.py"]
    assert text == textwrap.dedent(reader)
    assert all(s != Status.REWRITE for s, _ in sites)


def test_sdk_chains_known_to_take_the_developer_key():
    chain = tree_developer.developer_chain
    assert chain(["webhooks", "subscriptions_api", "get_all"])
    assert chain(["webhooks"])  # every method of it
    assert chain(["crm", "timeline", "templates_api", "get_all"])
    assert chain(["ecommerce_bridge", "get_sync_settings"])
    assert chain(["crm", "contacts", "basic_api", "get_page"]) is None
    assert chain(["crm", "timeline", "events_api", "create"]) is None
    assert chain(["contacts", "get_all"]) is None


# --- end to end: the review's shapes, run before and after apply -----------------

PROJECTS = {
    "runner": {
        "scenario.py": (
            '"""a runner hands each portal\'s key to the child through HUBSPOT_API_KEY."""\n'
            'ENV = {"ACME_HUBSPOT_KEY": "key-acme", "GLOBEX_HUBSPOT_KEY": "key-globex"}\n\n'
            "def case_run_all(credential):\n    import runner\n    runner.run_all()\n"
        ),
        "src/runner.py": (
            "import os\nimport runpy\n\n"
            'PORTALS = {"acme": "ACME_HUBSPOT_KEY", "globex": "GLOBEX_HUBSPOT_KEY"}\n\n\n'
            "def run_all():\n"
            "    for name, var in PORTALS.items():\n"
            '        os.environ["HUBSPOT_API_KEY"] = os.environ[var]\n'
            '        runpy.run_path(os.path.join(os.path.dirname(__file__), "child.py"), run_name="__main__")\n'
        ),
        "src/child.py": CHILD + '\n\nif __name__ == "__main__":\n    main()\n',
    },
    "webhooks": {
        "scenario.py": (
            '"""an SDK client made in hub.py, used by hooks.py for webhooks."""\n'
            'ENV = {"HUBSPOT_API_KEY": "devkey-app", "HUBSPOT_APP_ID": "123"}\n\n'
            "def case_subscriptions(credential):\n"
            "    from app import hooks\n    hooks.subscriptions()\n"
        ),
        "src/app/__init__.py": "",
        "src/app/hub.py": (
            "import os\nfrom hubspot import HubSpot\n\n"
            'client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
        ),
        "src/app/hooks.py": (
            "import os\nfrom app.hub import client\n\n"
            'APP_ID = int(os.environ["HUBSPOT_APP_ID"])\n\n\n'
            "def subscriptions():\n"
            "    return client.webhooks.subscriptions_api.get_all(app_id=APP_ID)\n"
        ),
    },
}


@pytest.mark.parametrize("project", sorted(PROJECTS))
def test_the_reviews_shapes_send_what_they_sent(tmp_path, project):
    for name, text in PROJECTS[project].items():
        path = tmp_path / project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = run_project(tmp_path / project, Settings())
    assert not result.errors, result.errors
    assert result.counts.rewrite == 0 and result.counts.manual == 1
    assert result.verdicts
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []


def test_a_reader_a_fixer_rewrote_all_the_same_is_held_whole(tmp_path):
    """The fall-back when a family does not ask about written variables: the
    file keeps its text, every site it rewrote manual, naming the writer."""
    from hapimigrate.model import FileResult, Kind, Site

    path = str(tmp_path / "crm.py")
    sites = (
        Site(path, 4, 1, 4, 9, Kind.PARAMS, Status.REWRITE),
        Site(path, 9, 1, 9, 9, Kind.URL, Status.KEPT, "developer API key"),
    )
    result = FileResult(
        path,
        sites,
        original=b"old",
        new=b"new",
        removed_keys=("API_KEY",),
        provider_keys=(("HUBSPOT_API_KEY", "API_KEY"),),
    )
    writes = tree_writers.Writes(
        (("HUBSPOT_API_KEY", "cli.py:7"),), (("HUBSPOT_API_KEY", "cli.py:7"),)
    )
    (held,) = tree_writers.hold_readers([result], writes)
    assert not held.changed and held.removed_keys == () and held.provider_keys == ()
    assert [s.status for s in held.sites] == [Status.MANUAL, Status.KEPT]
    assert held.sites[0].reason.startswith("cli.py:7 sets HUBSPOT_API_KEY")
    assert tree_writers.hold_readers([result], tree_writers.Writes()) == [result]


def test_a_tree_inside_a_folder_named_test_still_has_writers(tmp_path):
    runner = "import os\ndef use(key):\n    os.environ['HUBSPOT_API_KEY'] = key\n"
    out = migrate(tmp_path, {"test/app/child.py": CHILD, "test/app/runner.py": runner})
    sites, _ = out["test/app/child.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert sites[0][1].startswith("runner.py:3 sets HUBSPOT_API_KEY")


@pytest.mark.parametrize(
    "hooks",
    [
        "import app.hub\n\n\ndef subs():\n    return app.hub.client.webhooks.settings_api.get_all(1)\n",
        "import app.hub as h\nAPI = h.client.webhooks\n\n\ndef subs():\n    return API.settings_api.get_all(1)\n",
        "from app.hub import client as c\n\n\ndef subs():\n    hooks = c.webhooks\n    return hooks.settings_api.get_all(1)\n",
    ],
)
def test_the_client_reached_through_the_module_or_an_alias(tmp_path, hooks):
    hub = 'import os\nfrom hubspot import HubSpot\n\nclient = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    out = migrate(
        tmp_path, {"app/__init__.py": "", "app/hub.py": hub, "app/hooks.py": hooks}
    )
    sites, text = out["app/hub.py"]
    assert [s for s, _ in sites] == [Status.MANUAL]
    assert " uses client for a developer-key API (webhooks" in sites[0][1]
    assert text == hub


def test_a_hubspot3_bridge_client_used_elsewhere_for_its_settings(tmp_path):
    hub = (
        "import os\nfrom hubspot3.ecommerce_bridge import EcommerceBridgeClient\n\n"
        'bridge = EcommerceBridgeClient(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    )
    sync = "from hub import bridge\n\n\ndef setup(s):\n    bridge.create_or_update_settings(s)\n"
    out = migrate(tmp_path, {"hub.py": hub, "sync.py": sync})
    sites, text = out["hub.py"]
    assert [s for s, _ in sites] == [Status.MANUAL], sites
    assert sites[0][1].startswith("sync.py:5 uses bridge")
    assert text == hub
