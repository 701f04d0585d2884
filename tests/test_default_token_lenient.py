"""A parameter's default is read when the ``def`` runs, at import: a key's
setting there that may be unset (``api_key=settings.HUBSPOT_API_KEY``, with
say) becomes a token read that may be unset too.
Found on real public code: ``os.environ["HUBSPOT_ACCESS_TOKEN"]`` there made
importing the module raise KeyError where the tasks used to do nothing."""

from __future__ import annotations

import os
import subprocess
import sys

from hapimigrate.model import Status
from tests.trees import key_sites, tree

TASKS = """\
import requests

from app import settings


def sync_user(user_id, api_key=settings.HUBSPOT_API_KEY):
    url = "https://api.hubapi.com/contacts/v1/contact/vid/%s/profile?hapikey=%s" % (user_id, api_key)
    return requests.get(url).json()
"""
SETTINGS = 'import os\n\nHUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")\n'


def test_the_default_reads_the_token_leniently_and_the_module_imports(tmp_path):
    files = {"app/__init__.py": "", "app/settings.py": SETTINGS, "app/tasks.py": TASKS}
    result = tree(tmp_path, files)["app/tasks.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    new = result.new.decode()
    assert 'api_key=os.environ.get("HUBSPOT_ACCESS_TOKEN")' in new
    (tmp_path / "app" / "tasks.py").write_text(new)
    env = {k: v for k, v in os.environ.items() if not k.startswith("HUBSPOT")}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from app import tasks; print(tasks.sync_user.__defaults__)",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "(None,)"
