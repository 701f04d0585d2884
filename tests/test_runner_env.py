"""A CI job, a test runner or a container still setting a migrated key's
variable (review 21, R17): once the start-up check reads the token's variable,
a workflow's ``env:`` or tox's ``setenv`` that sets only the old one makes the
suite fail at import. Each such line is reported (``setting``, manual) with
what to do; a file already setting the token's variable is not; values are
never shown."""

from __future__ import annotations

import json
from pathlib import Path

from hapimigrate.runner_files import runner
from tests.conftest import invoke

SYNC = """\
import os
import sys

import requests

try:
    API_KEY = os.environ["HUBSPOT_API_KEY"]
except KeyError:
    sys.exit("HUBSPOT_API_KEY is not set")


def contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": API_KEY, "count": 100},
    ).json()
"""
RUNNERS = {
    ".github/workflows/ci.yml": (
        "jobs:\n  test:\n    env:\n      HUBSPOT_API_KEY: dummy-key-for-tests\n"
        "    steps:\n      - run: pytest\n"
    ),
    "tox.ini": "[testenv]\nsetenv =\n    HUBSPOT_API_KEY = dummy-key-for-tests\n",
    "docker-compose.yml": (
        "services:\n  sync:\n    environment:\n      - HUBSPOT_API_KEY=dummy-key-for-tests\n"
    ),
    "Dockerfile": "FROM python:3.12\nENV HUBSPOT_API_KEY=dummy-key-for-tests\n",
    ".env": "HUBSPOT_API_KEY=dummy-key-for-tests\nOTHER=1\n",
    "pyproject.toml": '[tool.pytest.ini_options]\nenv = ["HUBSPOT_API_KEY=dummy-key-for-tests"]\n',
    "Makefile": "test:\n\tHUBSPOT_API_KEY=dummy-key-for-tests pytest\n",
    "k8s/cronjob.yaml": (
        "spec:\n  containers:\n    - env:\n        - name: HUBSPOT_API_KEY\n"
        "          valueFrom:\n            secretKeyRef: {name: hubspot, key: api}\n"
    ),
    "app.json": '{"env": {"HUBSPOT_API_KEY": {"required": true}}}\n',
}


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def _report(root: Path) -> dict[str, list[dict]]:
    result = invoke("report", "--format", "json", "-o", str(root / "r.json"), str(root))
    assert result.exit_code in (0, 1), result.output
    data = json.loads((root / "r.json").read_text())
    sites: dict[str, list[dict]] = {}
    for site in data["sites"]:
        name = Path(site["path"]).relative_to(root).as_posix()
        sites.setdefault(name, []).append(site)
    return sites


def test_each_runner_setting_the_old_variable_is_reported(tmp_path):
    _write(tmp_path, {"sync.py": SYNC, **RUNNERS})
    sites = _report(tmp_path)
    for name in RUNNERS:
        found = [s for s in sites.get(name, ()) if s["kind"] == "setting"]
        assert [s["status"] for s in found] == ["manual"], name
        reason = found[0]["reason"]
        assert "HUBSPOT_API_KEY is set here" in reason
        assert "HUBSPOT_ACCESS_TOKEN" in reason
        assert "dummy-key-for-tests" not in json.dumps(found)


def test_a_runner_already_setting_the_token_is_not_reported(tmp_path):
    tox = RUNNERS["tox.ini"] + "    HUBSPOT_ACCESS_TOKEN = dummy-token\n"
    _write(tmp_path, {"sync.py": SYNC, "tox.ini": tox})
    assert "tox.ini" not in _report(tmp_path)


def test_nothing_migrated_nothing_reported(tmp_path):
    # the key stays (a second portal's use keeps the module manual)
    sync = SYNC + (
        "\n\ndef sandbox():\n    return requests.get(\n"
        '        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",\n'
        '        params={"hapikey": os.environ["HUBSPOT_SANDBOX_API_KEY"]},\n'
        "    ).json()\n"
    )
    _write(tmp_path, {"sync.py": sync, "tox.ini": RUNNERS["tox.ini"]})
    assert "tox.ini" not in _report(tmp_path)


def test_runner_configurations_are_known_by_name_and_folder():
    assert runner("/r/.github/workflows/test.yaml")
    assert runner("/r/.env.example")
    assert runner("/r/compose.yaml")
    assert runner("/r/settings.yaml") is None
    assert runner("/r/docs/ci.yml") is None
