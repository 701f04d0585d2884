"""An eleventh review's findings on credentials a rewrite would lose or swap,
and the reasons a person is given for what is left:

* N8: an SDK client's ``api_key`` read through a parameter whose DEFAULT is
  the client (``def backup(client=client)``), or that the module's calls give
  the client (``_send(client)``, ``functools.partial(_send, client)``,
  ``lambda c=client: ...``): the client given ``access_token`` reads None
  there, and the backup lost the key. The client stays, the read named; a
  parameter given something else is not the client.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import FileResult, RunOptions, Status

OPTIONS = RunOptions(providers.resolve(None))


def tree(root: Path, files: dict[str, str]) -> dict[str, FileResult]:
    """Every file migrated together (the tree-wide passes): name -> result."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    paths = sorted(str(p) for p in root.rglob("*.py"))
    return {
        Path(r.path).relative_to(root).as_posix(): r
        for r in run.results(paths, OPTIONS, jobs=1)
    }


def key_sites(result: FileResult):
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


def left_alone(result: FileResult, *words: str) -> None:
    """Nothing written, every key site manual, its reason naming ``words``."""
    assert result.error is None, result.error
    assert not result.changed
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    reasons = " ".join(s.reason for s in sites)
    for word in words:
        assert word in reasons, (word, reasons)


def migrated(result: FileResult) -> str:
    assert result.error is None, result.error
    sites = key_sites(result)
    assert sites and all(s.status == Status.REWRITE for s in sites), [
        (s.status, s.reason) for s in sites
    ]
    return result.new.decode()


def stdin(text: str) -> subprocess.CompletedProcess:
    """``hapimigrate diff -``: one module alone, no tree to look at."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "hapimigrate",
            "diff",
            "-",
            "--stdin-filename",
            "one.py",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )


# -- N8: a parameter given the SDK client ------------------------------------

HS = """\
import os

from hubspot3 import Hubspot3

client = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"])
"""

# (imports, the code reading the client's api_key through a parameter)
GIVEN = {
    "default named like it": (
        "from crm.hs import client",
        "def backup(client=client):\n    return client.api_key\n",
    ),
    "default": (
        "from crm.hs import client",
        "def backup(c=client):\n    return c.api_key\n",
    ),
    "default through the module": (
        "from crm import hs",
        "def backup(c=hs.client):\n    return c.api_key\n",
    ),
    "keyword-only default": (
        "from crm.hs import client",
        "def backup(*, client=client):\n    return client.api_key\n",
    ),
    "lambda default": (
        "from crm.hs import client",
        "key = lambda c=client: c.api_key\n",
    ),
    "lambda default named like it": (
        "from crm.hs import client",
        "key = lambda client=client: client.api_key\n",
    ),
    "partial": (
        "import functools\nfrom crm.hs import client",
        "def _send(c):\n    return c.api_key\n\n\n"
        "backup = functools.partial(_send, client)\n",
    ),
    "partial by keyword": (
        "from functools import partial\nfrom crm.hs import client",
        "def _send(c):\n    return c.api_key\n\n\n"
        "backup = partial(_send, c=client)\n",
    ),
    "a call, named like it": (
        "from crm.hs import client",
        "def _send(client):\n    return client.api_key\n\n\n"
        "def backup():\n    return _send(client)\n",
    ),
    "a method's default": (
        "from crm.hs import client",
        "class Backup:\n    def run(self, client=client):\n"
        "        return client.api_key\n",
    ),
    "a method called on self": (
        "from crm.hs import client",
        "class Backup:\n    def send(self, c):\n        return c.api_key\n\n"
        "    def run(self):\n        return self.send(client)\n",
    ),
    "a nested function's default": (
        "from crm.hs import client",
        "def outer():\n    def backup(client=client):\n"
        "        return client.api_key\n\n    return backup()\n",
    ),
    "getattr through a default": (
        "from crm.hs import client",
        "def backup(client=client):\n    return getattr(client, 'api_key')\n",
    ),
    "handed on twice": (
        "from crm.hs import client",
        "def _send(c):\n    return c.api_key\n\n\n"
        "def backup(client=client):\n    return _send(client)\n",
    ),
    "an alias of the parameter": (
        "from crm.hs import client",
        "def backup(client=client):\n    c = client\n    return c.api_key\n",
    ),
}


@pytest.mark.parametrize("imports, reader", GIVEN.values(), ids=list(GIVEN))
def test_a_parameter_given_the_client_reads_its_key(tmp_path, imports, reader):
    export = f"{imports}\n\n\n{reader}"
    files = {"crm/__init__.py": "", "crm/hs.py": HS, "crm/export.py": export}
    out = tree(tmp_path, files)
    left_alone(out["crm/hs.py"], "export.py:", "reads client.api_key")
    assert not out["crm/export.py"].changed


@pytest.mark.parametrize("imports, reader", GIVEN.values(), ids=list(GIVEN))
def test_one_module_reading_its_client_through_a_parameter(tmp_path, imports, reader):
    """The same in the client's own module, as a tree and alone (stdin)."""
    imports = imports.replace("from crm.hs import client", "")
    reader = reader.replace("hs.client", "client")
    text = f"{HS}{imports}\n\n\n{reader}"
    left_alone(tree(tmp_path, {"one.py": text})["one.py"], "api_key")
    alone = stdin(text)
    assert alone.returncode == 0, alone.stdout + alone.stderr
    assert "manual sdk" in alone.stderr and "api_key is read" in alone.stderr


# parameters named like the client, or read like it, that are given another value
NOT_GIVEN = {
    "a parameter no call gives": "def backup(client):\n    return client.api_key\n",
    "another default": (
        "def backup(client=other.client):\n    return client.api_key\n"
    ),
    "a lambda's parameter": "key = lambda client: client.api_key\n",
    "a partial of another value": (
        "def _send(c):\n    return c.api_key\n\n\n"
        "backup = functools.partial(_send, other.client)\n"
    ),
    "a call giving another value": (
        "def _send(client):\n    return client.api_key\n\n\n"
        "def backup():\n    return _send(other.client)\n"
    ),
}


@pytest.mark.parametrize("reader", NOT_GIVEN.values(), ids=list(NOT_GIVEN))
def test_a_parameter_given_something_else_is_not_the_client(tmp_path, reader):
    export = (
        "import functools\n\nimport other\nfrom crm.hs import client\n\n\n"
        f"{reader}\n\ndef contacts():\n    return client.contacts.get_all()\n"
    )
    files = {"crm/__init__.py": "", "crm/hs.py": HS, "crm/export.py": export}
    out = tree(tmp_path, files)
    assert "access_token=" in migrated(out["crm/hs.py"])


def test_the_review_backup_keeps_its_key(tmp_path):
    """/tmp/review11/11: before, the backup posted the key; a migrated client
    would post None. The client stays as it is, the read named."""
    export = (
        "import requests\n\nfrom crm.hs import client\n\n\n"
        "def contacts():\n    return client.contacts.get_all()\n\n\n"
        "def backup(client=client):\n"
        '    requests.post("https://backup.example.com/hubspot", '
        'json={"key": client.api_key})\n'
    )
    files = {"crm/__init__.py": "", "crm/hs.py": HS, "crm/export.py": export}
    out = tree(tmp_path, files)
    left_alone(out["crm/hs.py"], "export.py:11 reads client.api_key")
