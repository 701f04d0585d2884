"""The import of a module outside the tree (``from const import APIKEY`` with
``const.py`` gitignored, ``import local_settings``) stays when the key it
gave is no longer read: what that module does on import (load the ``.env``
the token now comes from, set ``os.environ`` defaults) is unknown, and the
migrated program would otherwise start without the token. The standard
library's and the known libraries' imports (``decouple``, ``dotenv``) still go
when nothing reads them (review 23, R10)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, run_against_standin, tree

SYNC = (
    "import requests\n\n{imports}\n\n"
    "URL = 'https://api.hubapi.com/contacts/v1/contact/createOrUpdate/email/{{}}/'\n"
    "\n\ndef push(email, props):\n"
    "    r = requests.post(URL.format(email) + '?hapikey=' + APIKEY,\n"
    "                      json={{'properties': props}})\n"
    "    r.raise_for_status()\n"
    "\n\nif __name__ == '__main__':\n"
    "    push('a@example.com', [])\n"
)
CONST = (
    "import os\n"
    "with open(os.path.join(os.getcwd(), '.env')) as f:\n"
    "    for line in f:\n"
    "        name, _, value = line.strip().partition('=')\n"
    "        os.environ.setdefault(name, value)\n"
    "APIKEY = os.environ.get('HUBSPOT_API_KEY', '')\n"
)
# the token is only in .env, which const.py loads on import
DRIVER = (
    "import os, runpy\n"
    "token = os.environ.pop('HUBSPOT_ACCESS_TOKEN')\n"
    "open('.env', 'w').write('HUBSPOT_ACCESS_TOKEN=' + token + '\\n')\n"
    "runpy.run_path('sync.py', run_name='__main__')\n"
)


def test_an_unseen_modules_import_stays_and_still_loads_the_token(tmp_path):
    results = tree(
        tmp_path / "tree", {"sync.py": SYNC.format(imports="from const import APIKEY")}
    )
    (site,) = key_sites(results["sync.py"])
    assert site.status == Status.REWRITE
    migrated = results["sync.py"].new.decode()
    assert "from const import APIKEY" in migrated and "hapikey" not in migrated
    seen = run_against_standin(
        tmp_path / "run", {"sync.py": migrated, "const.py": CONST}, DRIVER
    )
    assert len(seen) == 1
    assert seen[0].authorization == "Bearer tok-main"
    assert seen[0].hapikey is None


def test_a_known_librarys_import_still_goes(tmp_path):
    imports = "from decouple import config\n\nAPIKEY = config('HUBSPOT_API_KEY')"
    results = tree(tmp_path, {"sync.py": SYNC.format(imports=imports)})
    (site,) = key_sites(results["sync.py"])[-1:]
    migrated = results["sync.py"].new.decode()
    assert site.status == Status.REWRITE and "hapikey" not in migrated
    assert "decouple" not in migrated


def test_a_program_module_named_as_the_standard_librarys_stays(tmp_path):
    imports = "from secrets import HUBSPOT_API_KEY as APIKEY"
    results = tree(tmp_path, {"sync.py": SYNC.format(imports=imports)})
    migrated = results["sync.py"].new.decode()
    assert "hapikey" not in migrated
    assert "from secrets import HUBSPOT_API_KEY" in migrated


def test_a_standard_library_name_still_goes(tmp_path):
    imports = "from os import environ\n\nAPIKEY = environ['HUBSPOT_API_KEY']"
    results = tree(tmp_path, {"sync.py": SYNC.format(imports=imports)})
    migrated = results["sync.py"].new.decode()
    assert "hapikey" not in migrated and "from os import environ" not in migrated
