"""`check` (the guard) sees every hapikey use: shapes that once gave no finding
at all, so CI passed while the key was still sent (review 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import invoke


def _findings(root: Path) -> list[tuple[str, str]]:
    result = invoke("check", "--format", "json", "-j", "1", str(root), cwd=str(root))
    data = json.loads(result.output)
    return sorted(
        (Path(f["path"]).name, f["rule"])
        for f in data["sites"]
        if f["rule"] in ("HM001", "HM002", "HM003", "HM004", "HM005")
    )


@pytest.mark.parametrize(
    "source",
    [
        # the ? before a line continuation of the literal
        'T = """https://api.hubapi.com/contacts/v1/lists/all/contacts/all?\\\n'
        'hapikey=%s"""\nr = requests.get(T % KEY)\n',
        'url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?\\\n'
        'hapikey=" + KEY\nrequests.get(url)\n',
        # a form body written over lines
        'BODY = """\nhapikey={key}\nemail=a@b.c\n"""\n'
        'requests.post("https://api.hubapi.com/contacts/v1/contact",'
        " data=BODY.format(key=KEY))\n",
        # a %-directive standing before the key
        'requests.get("%shapikey=%s" % ("https://api.hubapi.com/owners/v2/owners?", KEY))\n',
    ],
)
def test_a_key_in_a_string_the_rewrite_cannot_place_is_a_finding(tmp_path, source):
    (tmp_path / "app.py").write_text(
        "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n" + source
    )
    assert _findings(tmp_path) == [("app.py", "HM001")]


@pytest.mark.parametrize(
    "imports",
    ["import os, hubspot", "import os,hubspot", "import logging, os, hubspot"],
)
def test_an_sdk_imported_in_a_list_of_modules_is_seen(tmp_path, imports):
    (tmp_path / "app.py").write_text(
        f"{imports}\n\n"
        'client = hubspot.HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    )
    assert _findings(tmp_path) == [("app.py", "HM003")]
