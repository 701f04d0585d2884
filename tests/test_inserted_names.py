"""The names the inserted code uses (``os``, the provider's function,
``Request``) mean what was imported wherever the code goes, and the module's own
names keep meaning what they meant: each migrated module is run, with a fake
``requests`` (or the real ``urllib.request.Request`` and a fake ``urlopen``)
recording what is sent."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types
import urllib.request

import pytest

from hapimigrate.model import Status
from tests.conftest import migrate, run_cli

ENV_TOKEN = "pat-env-0001"
PROVIDER_TOKEN = "pat-provider-0002"


class Sent:
    """What the fakes were asked to send."""

    def __init__(self) -> None:
        self.requests: list[dict] = []

    def authorization(self) -> list[str | None]:
        return [r["headers"].get("Authorization") for r in self.requests]


@pytest.fixture
def sent(monkeypatch) -> Sent:
    """Fake ``requests`` and ``urlopen``, a provider module ``app.secrets``
    (``token()``, ``format()``), the environment's token."""
    record = Sent()

    def send(method):
        def call(url, params=None, headers=None, **kwargs):
            record.requests.append(
                {
                    "method": method,
                    "url": url,
                    "params": dict(params or {}),
                    "headers": dict(headers or {}),
                    "json": kwargs.get("json"),
                }
            )
            return types.SimpleNamespace(status_code=200)

        return call

    fake = types.ModuleType("requests")
    fake.get, fake.post = send("GET"), send("POST")
    monkeypatch.setitem(sys.modules, "requests", fake)

    def urlopen(request, *args, **kwargs):
        assert isinstance(request, urllib.request.Request), request
        record.requests.append(
            {"method": "GET", "url": request.full_url, "headers": dict(request.headers)}
        )
        return types.SimpleNamespace(read=lambda: b"{}")

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    package = types.ModuleType("app")
    secrets = types.ModuleType("app.secrets")
    secrets.token = lambda: PROVIDER_TOKEN
    secrets.format = lambda: PROVIDER_TOKEN
    package.secrets = secrets
    monkeypatch.setitem(sys.modules, "app", package)
    monkeypatch.setitem(sys.modules, "app.secrets", secrets)
    config = types.ModuleType("config")
    config.HUBSPOT_API_KEY = "old-key"
    monkeypatch.setitem(sys.modules, "config", config)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", ENV_TOKEN)
    monkeypatch.setenv("HUBSPOT_API_KEY", "old-key")
    return record


def migrated(source: str, spec: str | None = None, path: str = "example.py") -> str:
    """The migrated text; every site of ``source`` is migrated."""
    result = migrate(textwrap.dedent(source), spec, path)
    assert result.error is None, result.error
    assert result.sites and all(s.status == Status.REWRITE for s in result.sites), [
        (s.status, s.reason) for s in result.sites
    ]
    assert result.new is not None
    return result.new.decode()


def load(text: str, name: str = "example") -> dict:
    """Run ``text`` as a module; its namespace."""
    namespace: dict = {"__name__": name}
    exec(compile(text, f"{name}.py", "exec"), namespace)
    return namespace


# -- the provider's function hidden by the module's own names (W23) -------------


def test_a_parameter_named_like_the_provider_function_keeps_its_value(sent):
    text = migrated(
        """\
        import os
        import requests

        API_KEY = os.environ["HUBSPOT_API_KEY"]


        def owners(token=None):
            # token: an idempotency token for our own audit log
            r = requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY})
            return r, audit(token)


        def audit(token):
            return token
        """,
        "app.secrets:token",
    )
    module = load(text)
    assert module["owners"]()[1] is None
    assert module["owners"](token="audit-1")[1] == "audit-1"
    assert sent.authorization() == [f"Bearer {PROVIDER_TOKEN}"] * 2
    assert "hapikey" not in str(sent.requests)


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_module_function_named_like_the_provider_function_stays_the_modules(
    sent, where
):
    own = 'def token():\n    return "csrf-" + str(id(object))\n'
    request = (
        "def owners():\n"
        '    return requests.get("https://api.hubapi.com/owners/v2/owners",'
        ' params={"hapikey": API_KEY})\n'
    )
    head = 'import os\nimport requests\n\nAPI_KEY = os.environ["HUBSPOT_API_KEY"]\n\n'
    body = own + "\n\n" + request if where == "before" else request + "\n\n" + own
    module = load(migrated(head + body, "app.secrets:token"))
    module["owners"]()
    assert sent.authorization() == [f"Bearer {PROVIDER_TOKEN}"]
    assert module["token"]().startswith("csrf-")


def test_a_provider_function_named_like_a_builtin_leaves_the_builtin_alone(sent):
    text = migrated(
        """\
        import os
        import requests

        API_KEY = os.environ["HUBSPOT_API_KEY"]


        def owners(limit):
            label = format(limit, "03d")
            requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY})
            return label
        """,
        "app.secrets:format",
    )
    assert load(text)["owners"](7) == "007"
    assert sent.authorization() == [f"Bearer {PROVIDER_TOKEN}"]


# -- ``os`` hidden by a parameter or a local (W23, default provider) -----------------

TRACK = """\
import requests
from config import HUBSPOT_API_KEY


def track(email, os=None, browser=None):
    props = {"email": email, "last_os": os, "last_browser": browser}
    return requests.post(
        "https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/%s" % email,
        params={"hapikey": HUBSPOT_API_KEY},
        json={"properties": [{"property": k, "value": v} for k, v in props.items()]},
    )
"""


def test_a_parameter_named_os_keeps_its_value_and_the_token_is_read(sent):
    module = load(migrated(TRACK))
    module["track"]("a@b.c", os="macOS", browser="Safari")
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}"]
    assert {"property": "last_os", "value": "macOS"} in sent.requests[0]["json"][
        "properties"
    ]


def test_a_local_named_os_beside_an_import_of_os(sent):
    text = migrated("""\
        import os
        import platform
        import requests

        API_KEY = os.environ["HUBSPOT_API_KEY"]


        def report():
            os = platform.system()
            requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY})
            return os
        """)
    assert load(text)["report"]() == __import__("platform").system()
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}"]


def test_the_alias_is_a_name_the_module_does_not_use(sent):
    text = migrated(TRACK.replace("import requests\n", "import requests\n_os = 'x'\n"))
    module = load(text)
    module["track"]("a@b.c", os="macOS")
    assert module["_os"] == "x"
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}"]


def test_a_module_using_os_plainly_keeps_its_import_and_the_plain_name():
    text = migrated("""\
        import os
        import requests

        API_KEY = os.environ["HUBSPOT_API_KEY"]


        def owners():
            return requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY})
        """)
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in text
    assert text.count("import os") == 1 and "_os" not in text


# -- urlopen(url) -> urlopen(Request(url, ...)) beside a Request of the module's (W24)


def test_a_class_request_of_the_module_stays_the_modules(sent):
    text = migrated("""\
        import os
        from urllib.request import urlopen

        API_KEY = os.environ["HUBSPOT_API_KEY"]


        class Request:
            \"\"\"Our own domain object.\"\"\"
            def __init__(self, body):
                self.body = body


        def owners():
            return urlopen("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY).read()


        def handle(body):
            return Request(body)
        """)
    module = load(text)
    assert module["owners"]() == b"{}"
    assert module["handle"]("x").body == "x"
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}"]
    assert "hapikey" not in sent.requests[0]["url"]


def test_an_imported_request_class_keeps_meaning_its_framework(sent, monkeypatch):
    werkzeug = types.ModuleType("werkzeug")
    wrappers = types.ModuleType("werkzeug.wrappers")

    class Request:  # werkzeug's, as far as the module can tell
        @staticmethod
        def application(function):
            function.is_application = True
            return function

    wrappers.Request, wrappers.Response = Request, lambda body: body
    monkeypatch.setitem(sys.modules, "werkzeug", werkzeug)
    monkeypatch.setitem(sys.modules, "werkzeug.wrappers", wrappers)
    text = migrated("""\
        import os
        from urllib.request import urlopen

        from werkzeug.wrappers import Request, Response

        API_KEY = os.environ["HUBSPOT_API_KEY"]


        def owners():
            return urlopen("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY).read()


        @Request.application
        def application(request):
            return Response(owners())
        """)
    module = load(text)  # the decorator runs at import: werkzeug's Request
    assert module["application"].is_application
    assert module["application"](None) == b"{}"
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}"]


# -- the provider's own module (W22) ---------------------------------------------

AUTH = """\
import os
import requests

API_KEY = os.environ.get("HUBSPOT_API_KEY")


def hubspot_token():
    return os.environ["HUBSPOT_PRIVATE_APP_TOKEN"]


def whoami():
    return requests.get("https://api.hubapi.com/integrations/v1/me", params={"hapikey": API_KEY})
"""
CRM = """\
import requests
from myapp.auth import API_KEY


def owners():
    return requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY})
"""
FAKE_REQUESTS = """\
SENT = []


def get(url, params=None, headers=None, **kwargs):
    SENT.append((headers or {}).get("Authorization"))
"""
RUN = """\
import myapp, requests
from myapp import auth, crm
auth.whoami()
crm.owners()
print(requests.SENT)
"""


def test_the_provider_module_calls_its_own_function_and_still_imports(tmp_path):
    package = tmp_path / "myapp"
    package.mkdir()
    (package / "__init__.py").write_text("from myapp import crm  # noqa\n")
    (package / "auth.py").write_text(AUTH)
    (package / "crm.py").write_text(CRM)
    (tmp_path / "requests.py").write_text(FAKE_REQUESTS)
    applied = run_cli(
        "apply", "-q", "--token-provider", "myapp.auth:hubspot_token", str(package)
    )
    assert applied.returncode == 0, applied.stderr
    auth = (package / "auth.py").read_text()
    assert "import hubspot_token" not in auth and "hubspot_token()" in auth
    env = {**os.environ, "HUBSPOT_PRIVATE_APP_TOKEN": PROVIDER_TOKEN}
    env.pop("PYTHONPATH", None)
    ran = subprocess.run(
        [sys.executable, "-c", RUN],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == repr([f"Bearer {PROVIDER_TOKEN}"] * 2)


def test_in_the_provider_module_a_local_of_the_functions_name_is_passed_over(
    sent, monkeypatch
):
    monkeypatch.setenv("HUBSPOT_PRIVATE_APP_TOKEN", PROVIDER_TOKEN)
    source = AUTH.replace("def whoami():", "def whoami(hubspot_token=None):")
    text = migrated(source, "myapp.auth:hubspot_token", "myapp/auth.py")
    assert "import hubspot_token" not in text
    module = load(text, "myapp.auth")
    module["whoami"]("not a token")
    assert sent.authorization() == [f"Bearer {PROVIDER_TOKEN}"]


def test_an_options_default_is_read_leniently_under_the_alias_too(sent, monkeypatch):
    """``--api-key`` defaults to the token, read with ``.get``: a run given
    ``-k`` must not stop on a missing variable, whatever ``os`` is called."""
    text = migrated("""\
        import argparse, os, requests


        def label(os):
            return "on " + os


        def update(email, api_key):
            return requests.post("https://api.hubapi.com/contacts/v1/contact/email/%s/profile" % email, params={"hapikey": api_key})


        def main(argv=None):
            p = argparse.ArgumentParser()
            p.add_argument("-k", "--api-key", default=os.environ.get("HUBSPOT_API_KEY"))
            a = p.parse_args(argv)
            return update("a@example.com", a.api_key)
        """)
    assert '.environ.get("HUBSPOT_ACCESS_TOKEN")' in text
    module = load(text)
    assert module["label"]("linux") == "on linux"
    module["main"]([])
    monkeypatch.delenv("HUBSPOT_ACCESS_TOKEN")
    module["main"](["-k", "pat-given"])
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}", "Bearer pat-given"]


def test_a_class_request_of_a_long_module_stays_the_modules(sent):
    padding = "".join(f"\n\ndef helper{i}(x):\n    return x + {i}\n" for i in range(30))
    text = migrated(
        "import os\nfrom urllib.request import urlopen\n\n"
        'API_KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
        "class Request:\n    def __init__(self, body):\n        self.body = body\n\n\n"
        "def owners():\n"
        '    return urlopen("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY).read()\n'
        + padding
    )
    module = load(text)
    assert module["owners"]() == b"{}"
    assert module["Request"]("x").body == "x"
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}"]


# -- the provider's own module, calling it at import above its def ---------------

EARLY = """\
import os
import requests

API_KEY = os.environ.get("HUBSPOT_API_KEY")


def fetch():
    return requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY})


class Client:
    def owners(self):
        return fetch()


OWNERS = Client().owners()


def hubspot_token():
    return os.environ["HUBSPOT_PRIVATE_APP_TOKEN"]
"""
LATE = EARLY.replace("OWNERS = Client().owners()\n", "") + "\nOWNERS = fetch()\n"


@pytest.mark.parametrize(
    "source, too_late",
    [
        (EARLY, True),  # through a class and a function, above the def
        (EARLY.replace("OWNERS = Client().owners()", "OWNERS = fetch()"), True),
        (
            EARLY.replace("    return requests", "    pass\n\n\nR = requests").replace(
                "OWNERS = Client().owners()\n", ""
            ),
            True,  # the request itself at module level
        ),
        (LATE, False),  # below the def: the function exists by then
        (AUTH, False),  # only in functions
    ],
)
def test_an_import_time_call_above_the_providers_def_is_told(source, too_late):
    import libcst as cst

    from hapimigrate import providers
    from hapimigrate.fixers import registry
    from hapimigrate.python.context import ModuleContext
    from hapimigrate.python.imports import defined_too_late

    ctx = ModuleContext(
        "myapp/auth.py",
        cst.parse_module(source),
        providers.resolve("myapp.auth:hubspot_token"),
        registry.all_fixers(),
    )
    registry.run(ctx)
    assert ctx.edits
    reason = defined_too_late(ctx)
    assert (reason is not None) == too_late
    if too_late:
        assert "hubspot_token() is this module's own" in reason


def test_the_provider_module_calling_it_at_import_above_its_def_is_left():
    result = migrate(EARLY, "myapp.auth:hubspot_token", "myapp/auth.py")
    assert result.new is None
    assert result.sites and all(s.status == Status.MANUAL for s in result.sites)
    assert "defined below code that runs at import" in result.sites[0].reason


def test_the_modules_own_alias_of_os_is_used(sent):
    text = migrated(
        TRACK.replace("import requests\n", "import os as _os\nimport requests\n")
    )
    assert text.count("import os") == 1 and "_os.environ[" in text
    load(text)["track"]("a@b.c", os="macOS")
    assert sent.authorization() == [f"Bearer {ENV_TOKEN}"]
