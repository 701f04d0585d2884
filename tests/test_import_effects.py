"""A settings import the migration no longer needs stays when importing that
module does something (review 12, R7): a ``.env`` loaded in a ``try``, behind
an ``if``, by a module it imports in turn, or by hand; logging or a socket
timeout configured. Dropping it made the migrated program start without the
token (``KeyError``) or behave otherwise (hapimigrate.python.import_effects)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from hapimigrate import tree_imports
from hapimigrate.python.import_effects import runs_something
from tests.test_wrong_rewrites import tree_results

BINDS_ONLY = {
    "environment reads and paths": """
        '''Settings.'''
        import os
        from pathlib import Path
        __all__ = ["KEY"]
        BASE_DIR = Path(__file__).resolve().parent
        KEY = os.environ.get("HUBSPOT_API_KEY", "")
        DB = os.path.join(str(BASE_DIR), "db.sqlite3")
        DEBUG = os.getenv("DEBUG", "0") == "1"
        """,
    "a getter raising when a variable is missing": """
        import os
        def get_env(name):
            try:
                return os.environ[name]
            except KeyError:
                raise RuntimeError("set %s" % name)
        KEY = get_env("HUBSPOT_API_KEY")
        """,
    # it reads a file into its own parser; read() skips a missing file
    "a ConfigParser of its own, read from a file": """
        import configparser, os
        _ini = configparser.ConfigParser()
        _ini.read(os.path.join(os.path.dirname(__file__), "settings.ini"))
        KEY = _ini.get("hubspot", "api_key", fallback=None) or os.environ.get("K")
        PORTAL = _ini.getint("hubspot", "portal_id", fallback=0)
        """,
    "an optional import, a class, a main block": """
        import logging
        try:
            import simplejson as json
        except ImportError:
            import json
        log = logging.getLogger(__name__)
        class Config:
            TIMEOUT = 10
        if __name__ == "__main__":
            print(Config.TIMEOUT)
        """,
}
DOES_SOMETHING = {
    "load_dotenv in a try": """
        try:
            from dotenv import load_dotenv
            load_dotenv()
        except ImportError:
            pass
        """,
    "load_dotenv behind an if": """
        import os
        from dotenv import load_dotenv
        if os.path.exists(".env"):
            load_dotenv()
        """,
    "a hand-written loader": """
        import os
        for line in open(".env"):
            name, _, value = line.strip().partition("=")
            os.environ.setdefault(name, value)
        """,
    "logging and a socket timeout": """
        import logging, socket
        logging.basicConfig(level=logging.INFO)
        socket.setdefaulttimeout(10)
        """,
    "an environment write": "import os\nos.environ['TZ'] = 'UTC'\n",
    "a module of the tree that loads .env": "import bootstrap\nKEY = 1\n",
    # open() raises when the file is missing: the import fails without it
    "a config file opened to be read": """
        import configparser
        _ini = configparser.ConfigParser()
        _ini.read_file(open("settings.ini"))
        """,
    # another module's parser: what this one reads into it others see
    "a shared parser filled": "from bootstrap import ini\nini.read('more.ini')\n",
    "a parser made twice": """
        import configparser
        _ini = configparser.ConfigParser()
        _ini = load(_ini)
        """,
    # a subclass of its own, whose read() exports a section to os.environ
    # (review 15's R2)
    "a ConfigParser subclass of its own": """
        import configparser, os
        class EnvConfigParser(configparser.ConfigParser):
            def read(self, *a, **k):
                found = super().read(*a, **k)
                os.environ.update(self["env"] if self.has_section("env") else {})
                return found
        _ini = EnvConfigParser()
        _ini.read("settings.ini")
        """,
    "a decorator that registers": "import atexit\n@atexit.register\ndef bye():\n    pass\n",
}


def write(folder, name: str, text: str) -> str:
    path = folder / name
    path.write_text(textwrap.dedent(text))
    return str(path)


@pytest.mark.parametrize("text", list(BINDS_ONLY.values()), ids=list(BINDS_ONLY))
def test_a_module_binding_names_only_does_nothing(tmp_path, text):
    assert not runs_something(
        write(tmp_path, "settings.py", text), tree_imports.module_file
    )


@pytest.mark.parametrize(
    "text", list(DOES_SOMETHING.values()), ids=list(DOES_SOMETHING)
)
def test_a_module_doing_more_does_something(tmp_path, text):
    write(tmp_path, "bootstrap.py", "from dotenv import load_dotenv\nload_dotenv()\n")
    path = write(tmp_path, "settings.py", text)
    assert runs_something(path, tree_imports.module_file)


DOTENV = """
import os
def load_dotenv():
    for line in open(os.path.join(os.path.dirname(__file__), ".env")):
        name, _, value = line.strip().partition("=")
        os.environ.setdefault(name, value)
"""
SETTINGS = """
import os
try:
    from dotenv import load_dotenv
    load_dotenv()
except ImportError:
    pass
HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
"""
SYNC = """
import requests
from settings import HUBSPOT_API_KEY
def owners():
    return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": HUBSPOT_API_KEY})
"""
DRIVER = """
import requests
requests.get = lambda url, **kw: print(url, kw.get("params"), (kw.get("headers") or {}).get("Authorization"))
import sync
sync.owners()
"""


def test_the_migrated_program_still_loads_its_env_file(tmp_path):
    for name, text in {
        "dotenv.py": DOTENV,
        "settings.py": SETTINGS,
        "sync.py": SYNC,
    }.items():
        write(tmp_path, name, text)
    (tmp_path / ".env").write_text(
        "HUBSPOT_API_KEY=key-main\nHUBSPOT_ACCESS_TOKEN=tok-main\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUBSPOT_")}

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", DRIVER],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert (
        run() == "https://api.hubapi.com/crm/v3/owners {'hapikey': 'key-main'} None\n"
    )
    for result in tree_results(tmp_path):
        if result.changed:
            (tmp_path / os.path.basename(result.path)).write_bytes(result.new)
    assert "from settings import" in (tmp_path / "sync.py").read_text()
    assert run() == "https://api.hubapi.com/crm/v3/owners None Bearer tok-main\n"


CONFIG_INI = """
import configparser
import os

_ini = configparser.ConfigParser()
_ini.read(os.path.join(os.path.dirname(__file__), "settings.ini"))
KEY = _ini.get("hubspot", "api_key", fallback=None) or os.environ.get("HS_API_KEY")
PORTAL_ID = _ini.get("hubspot", "portal_id", fallback="62515")
"""
PROPERTIES = """
import requests
from config import KEY, PORTAL_ID
def properties(kind):
    return requests.get("https://api.hubapi.com/properties/v1/%s/properties" % kind, params={"hapikey": KEY, "portalId": PORTAL_ID})
"""


def test_a_key_read_from_an_ini_file_goes_with_its_last_reader(tmp_path):
    """Importing a settings module that only fills its own ConfigParser does
    nothing else: the reader's import of the key goes, and so does the key's
    definition, which nothing reads any more (corpus_auto's
    marketing_class_clients was left ``manual``: "KEY is still read by
    hubspot.py:7", its import line)."""
    write(tmp_path, "config.py", CONFIG_INI)
    write(tmp_path, "properties.py", PROPERTIES)
    results = {os.path.basename(r.path): r for r in tree_results(tmp_path)}
    assert all(s.status.value == "rewrite" for r in results.values() for s in r.sites)
    reader = results["properties.py"].new.decode()
    assert "from config import PORTAL_ID\n" in reader
    settings = results["config.py"].new.decode()
    assert "KEY =" not in settings and "PORTAL_ID =" in settings
    assert "_ini.read(" in settings  # what else it reads still comes from the file
