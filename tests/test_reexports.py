"""An SDK client class another module of the tree re-exports (review 14's M6):
``from app.sdk import HubSpot`` where ``app/sdk.py`` says ``from hubspot import
HubSpot``, or a package's ``__init__.py`` says ``from .sdk import HubSpot``.
Such a client built with a key is found by ``check`` and migrated by ``apply``
(before, nothing was reported at all); a class of the project's own that is
merely named HubSpot is not taken for the SDK's."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.conftest import invoke
from tests.trees import key_sites, tree

USE = """\
import os

from {source} import HubSpot, Hubspot3

client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])
legacy = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"], timeout=20)
"""
SDK = "from hubspot import HubSpot\nfrom hubspot3 import Hubspot3\n"


@pytest.mark.parametrize(
    "files, source",
    [
        ({"app/__init__.py": "", "app/sdk.py": SDK}, "app.sdk"),
        (  # the package re-exports its module's names
            {
                "app/__init__.py": "from .sdk import HubSpot, Hubspot3\n",
                "app/sdk.py": SDK,
            },
            "app",
        ),
    ],
    ids=["module", "package_init"],
)
def test_a_re_exported_sdk_client_is_found_and_migrated(tmp_path, files, source):
    results = tree(tmp_path, {**files, "app/use.py": USE.format(source=source)})
    result = results["app/use.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE] * 2
    text = result.new.decode()
    assert text.count('access_token=os.environ["HUBSPOT_ACCESS_TOKEN"]') == 2
    assert "api_key" not in text and "timeout=20" in text
    out = invoke("check", str(tmp_path), cwd=tmp_path)
    assert out.exit_code == 1 and out.output.count("HM003") == 2


def test_a_class_of_the_project_named_hubspot_is_not_the_sdk(tmp_path):
    own = (
        "import requests\n\n\nclass HubSpot:\n"
        "    def __init__(self, api_key):\n        self.api_key = api_key\n"
        "\n\nclass Hubspot3(HubSpot):\n    pass\n"
    )
    results = tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/sdk.py": own,
            "app/use.py": USE.format(source="app.sdk"),
        },
    )
    assert key_sites(results["app/use.py"]) == []
    assert not results["app/use.py"].changed


def test_the_projects_own_hubspot_module_is_not_the_sdk(tmp_path):
    """``from hubspot import HubSpot`` where ``hubspot.py`` is the project's
    own client: Python imports that file, whose constructor takes no
    ``access_token=`` (review 15's R8: TypeError). Its key flows like any
    class's: the constructor's parameter takes the token."""
    own = (
        "import requests\n\n\nclass HubSpot(object):\n"
        "    def __init__(self, api_key):\n        self.api_key = api_key\n\n"
        "    def owners(self):\n"
        '        return requests.get("https://api.hubapi.com/owners/v2/owners",'
        ' params={"hapikey": self.api_key}).json()\n'
    )
    job = (
        "import os\n\nfrom hubspot import HubSpot\n\n\ndef run():\n"
        '    return HubSpot(api_key=os.environ["HUBSPOT_API_KEY"]).owners()\n'
    )
    results = tree(tmp_path, {"hubspot.py": own, "job.py": job})
    text = results["job.py"].new.decode()
    assert "access_token" not in text
    assert 'HubSpot(api_key=os.environ["HUBSPOT_ACCESS_TOKEN"])' in text
    assert "Bearer" in results["hubspot.py"].new.decode()


def test_a_package_module_named_hubspot_does_not_hide_the_sdk(tmp_path):
    """``app/hubspot.py`` inside a package, wrapping the SDK it imports with
    ``from hubspot import HubSpot`` (Python 3 imports the SDK there), and a
    sibling importing the SDK too: both are the SDK's clients."""
    wrapper = (
        "import os\nfrom hubspot import HubSpot\n\n"
        'client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    )
    sibling = (
        "import os\nfrom hubspot import HubSpot\n\n"
        'other = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    )
    results = tree(
        tmp_path,
        {"app/__init__.py": "", "app/hubspot.py": wrapper, "app/jobs.py": sibling},
    )
    for name in ("app/hubspot.py", "app/jobs.py"):
        assert "access_token=" in results[name].new.decode()


def test_a_hubspot_module_above_a_scripts_folder_is_said(tmp_path):
    """A root ``hubspot.py`` of the project's own (no such class) and
    ``scripts/sync.py`` importing the SDK: run as a script of its folder it
    gets the SDK, run with ``python -m`` from the root the project's module.
    Never silent: a manual site saying so (review 16's S2)."""
    own = "def submit(form):\n    return form\n"
    script = (
        "import os\nfrom hubspot import HubSpot\n\n"
        'client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    )
    results = tree(tmp_path, {"hubspot.py": own, "scripts/sync.py": script})
    (site,) = key_sites(results["scripts/sync.py"])
    assert (
        site.status == Status.MANUAL and "also a module of the project" in site.reason
    )
