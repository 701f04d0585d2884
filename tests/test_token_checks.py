"""Start-up checks of a migrated key test the token instead, where that is proven
(hapimigrate.tree_token_checks); the key's definition then goes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import FileResult, Kind, RunOptions, Status

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))
PRESENCE = 'os.environ.get("HUBSPOT_ACCESS_TOKEN")'

SETTINGS = (
    "import os\n\nDEBUG = False\nHUBSPOT_API_KEY = os.environ['HUBSPOT_API_KEY']\n"
)
SERVICES = (
    "import requests\n\nfrom app import settings\n\n\n"
    "def owners():\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners',"
    " params={'hapikey': settings.HUBSPOT_API_KEY})\n"
)
COMMAND = (
    "from app import settings\n\n\n"
    "def handle():\n"
    "    if not settings.HUBSPOT_API_KEY:\n"
    "        raise SystemExit('HUBSPOT_API_KEY is not set')\n"
    "    return 0\n"
)
UTILS = (
    "import os\n\nimport requests\n\n"
    "API_KEY = os.getenv('HUBSPOT_API_KEY')\n\n\n"
    "def contact(vid):\n"
    "    return requests.get('https://api.hubapi.com/contacts/v1/contact/vid/%s"
    "/profile?hapikey=%s' % (vid, API_KEY))\n"
)
SCRIPT = (
    "import sys\n\nimport hubspot_utils\n\n\n"
    "def check_config():\n"
    "{check}"
    "\n\ndef main():\n"
    "    check_config()\n"
    "    return hubspot_utils.contact(1)\n"
)


def migrate(
    tmp_path: Path, files: dict[str, str], options: RunOptions = OPTIONS
) -> dict[str, tuple[FileResult, str]]:
    """Migrate a tree: {name: (its result, its text after)}."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    paths = sorted(str(tmp_path / name) for name in files)
    out = {}
    for result in run.results(paths, options, jobs=1):
        name = Path(result.path).relative_to(tmp_path).as_posix()
        text = result.new.decode() if result.changed else files[name]
        out[name] = (result, text)
    return out


def django(command: str = COMMAND, **more: str) -> dict[str, str]:
    return {
        "app/__init__.py": "",
        "app/settings.py": SETTINGS,
        "app/services.py": SERVICES,
        "app/command.py": command,
        **more,
    }


def guards(result: FileResult) -> list[tuple[int, Status]]:
    return [(s.line, s.status) for s in result.sites if s.kind == Kind.GUARD]


def test_a_commands_check_of_a_settings_key_tests_the_token_and_the_setting_goes(
    tmp_path,
):
    out = migrate(tmp_path, django())
    result, text = out["app/command.py"]
    assert f"    if not {PRESENCE}:\n" in text
    assert "raise SystemExit('HUBSPOT_ACCESS_TOKEN is not set')" in text
    assert text.startswith("import os\n")
    assert guards(result) == [(5, Status.REWRITE)]
    settings, settings_text = out["app/settings.py"]
    assert "HUBSPOT_API_KEY" not in settings_text and "DEBUG = False" in settings_text
    assert not [s for s in settings.sites if s.status == Status.MANUAL]


@pytest.mark.parametrize(
    "check, expected",
    [
        (
            "    if not hubspot_utils.API_KEY:\n"
            "        sys.exit('HUBSPOT_API_KEY is not set')\n",
            f"    if not {PRESENCE}:\n        sys.exit('HUBSPOT_ACCESS_TOKEN is not set')\n",
        ),
        (
            "    assert hubspot_utils.API_KEY, 'set HUBSPOT_API_KEY first'\n",
            f"    assert {PRESENCE}, 'set HUBSPOT_ACCESS_TOKEN first'\n",
        ),
        (
            "    if hubspot_utils.API_KEY is None:\n        return False\n",
            f"    if {PRESENCE} is None:\n        return False\n",
        ),
        (
            "    if hubspot_utils.API_KEY is not None and sys.argv:\n        return True\n",
            f"    if {PRESENCE} is not None and sys.argv:\n        return True\n",
        ),
        (
            "    if not bool(hubspot_utils.API_KEY):\n        return False\n",
            f"    if not bool({PRESENCE}):\n        return False\n",
        ),
        (
            "    while not hubspot_utils.API_KEY:\n        break\n",
            f"    while not {PRESENCE}:\n        break\n",
        ),
    ],
)
def test_presence_tests_of_a_modules_key_test_the_token(tmp_path, check, expected):
    out = migrate(
        tmp_path, {"hubspot_utils.py": UTILS, "sync.py": SCRIPT.format(check=check)}
    )
    result, text = out["sync.py"]
    assert expected in text
    assert [status for _, status in guards(result)] == [Status.REWRITE]
    utils, utils_text = out["hubspot_utils.py"]
    assert "API_KEY =" not in utils_text  # nothing reads it any more
    assert not [s for s in utils.sites if s.status == Status.MANUAL]


def test_a_key_imported_by_name_is_followed(tmp_path):
    script = (
        "import sys\n\nfrom hubspot_utils import API_KEY, contact\n\n\n"
        "def main():\n    if not API_KEY:\n        sys.exit(1)\n    return contact(1)\n"
    )
    out = migrate(tmp_path, {"hubspot_utils.py": UTILS, "sync.py": script})
    assert f"    if not {PRESENCE}:\n" in out["sync.py"][1]
    assert "API_KEY =" not in out["hubspot_utils.py"][1]


CHECKS_LEFT = [
    # the key's value compared, not its presence
    "    if not hubspot_utils.API_KEY.startswith('pat-'):\n        sys.exit(1)\n",
    "    if hubspot_utils.API_KEY == '':\n        sys.exit(1)\n",
    "    if len(hubspot_utils.API_KEY) != 36:\n        sys.exit(1)\n",
    # the key chooses a way (an auth mode)
    "    if hubspot_utils.API_KEY:\n        return 'key'\n    else:\n        return 'oauth'\n",
    # read for something else than its presence too
    "    if not hubspot_utils.API_KEY:\n        sys.exit(1)\n"
    "    print(hubspot_utils.API_KEY[:4])\n",
    "    if not hubspot_utils.API_KEY:\n        sys.exit(1)\n"
    "    print(getattr(hubspot_utils, 'API_KEY'))\n",
    # a flag kept from it, a conditional expression
    "    return bool(hubspot_utils.API_KEY)\n",
    "    return 1 if hubspot_utils.API_KEY else 0\n",
    # os here is not the os module
    "    os = None\n    if not hubspot_utils.API_KEY:\n        sys.exit(1)\n",
]


@pytest.mark.parametrize("check", CHECKS_LEFT)
def test_other_uses_of_the_key_stay_as_they_are(tmp_path, check):
    script = SCRIPT.format(check=check)
    out = migrate(tmp_path, {"hubspot_utils.py": UTILS, "sync.py": script})
    result, text = out["sync.py"]
    assert text == script and not result.changed
    assert "API_KEY = os.getenv" in out["hubspot_utils.py"][1]  # still read


def test_a_check_stays_where_a_send_of_the_key_stays_for_a_person(tmp_path):
    left = (
        "import requests\n\nfrom app import settings\n\n\n"
        "def lists():\n"
        "    query = {k: v for k, v in (('hapikey', settings.HUBSPOT_API_KEY),) if v}\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/lists',"
        " params=query)\n"
    )
    out = migrate(tmp_path, django(**{"app/lists.py": left}))
    assert [s.status for s in out["app/lists.py"][0].sites if s.kind != Kind.CALL] == [
        Status.MANUAL
    ]
    assert out["app/command.py"][1] == COMMAND
    assert "HUBSPOT_API_KEY = os.environ" in out["app/settings.py"][1]


def test_a_check_a_test_may_run_with_its_own_key_stays(tmp_path):
    test = (
        "from app import command, settings\n\n\n"
        "def test_handle():\n"
        "    settings.HUBSPOT_API_KEY = 'x'\n"
        "    assert command.handle() == 0\n"
    )
    out = migrate(tmp_path, django(**{"tests/test_command.py": test}))
    assert out["app/command.py"][1] == COMMAND


def test_a_check_in_a_test_module_stays(tmp_path):
    test = (
        "from app import settings\n\n\n"
        "def test_configured():\n"
        "    assert settings.HUBSPOT_API_KEY\n"
    )
    out = migrate(tmp_path, django(**{"tests/test_settings.py": test}))
    assert out["tests/test_settings.py"][1] == test
    assert out["app/command.py"][1] != COMMAND  # the command's own check moved


def test_a_provider_function_leaves_the_check(tmp_path):
    options = RunOptions(provider=providers.resolve("app.tokens:get_token"))
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "tokens.py").write_text("def get_token():\n    return 't'\n")
    out = migrate(tmp_path, django(), options)
    assert out["app/command.py"][1] == COMMAND


def test_a_key_of_another_module_is_not_the_migrated_key(tmp_path):
    other = "import os\n\nHUBSPOT_API_KEY = os.environ.get('OTHER_PORTAL_KEY')\n"
    command = COMMAND.replace(
        "from app import settings", "from app import other as settings"
    )
    out = migrate(tmp_path, django(command, **{"app/other.py": other}))
    assert out["app/command.py"][1] == command


IN_MODULE = (
    "import sys\n"
    + UTILS
    + (
        "\n\ndef main():\n"
        "    if not API_KEY:\n"
        "        sys.exit('HUBSPOT_API_KEY is not set')\n"
        "{more}"
        "    return contact(1)\n"
    )
)


def test_a_check_beside_the_sends_tests_the_token_and_the_definition_goes(tmp_path):
    source = IN_MODULE.format(more="    assert API_KEY is not None\n")
    result, text = migrate(tmp_path, {"utils.py": source})["utils.py"]
    assert f"    if not {PRESENCE}:\n" in text
    assert "sys.exit('HUBSPOT_ACCESS_TOKEN is not set')" in text
    assert f"    assert {PRESENCE} is not None\n" in text
    assert "API_KEY" not in text  # the definition went with its last readers
    assert guards(result) == [(14, Status.REWRITE), (16, Status.REWRITE)]
    assert all(s.status == Status.REWRITE for s in result.sites)


@pytest.mark.parametrize(
    "more",
    [
        "    if API_KEY.startswith('pat-'):\n        return None\n",
        "    print(API_KEY[:4])\n",
    ],
)
def test_a_check_beside_another_read_of_the_key_stays(tmp_path, more):
    source = IN_MODULE.format(more=more)
    result, text = migrate(tmp_path, {"utils.py": source})["utils.py"]
    assert "    if not API_KEY:\n" in text
    assert "API_KEY = os.getenv" in text
    assert Status.MANUAL in [s for _, s in guards(result)]


def test_a_check_beside_the_sends_stays_where_another_module_sends_the_key(tmp_path):
    other = (
        "import requests\n\nfrom utils import API_KEY\n\n\n"
        "def lists():\n"
        "    query = {k: v for k, v in (('hapikey', API_KEY),) if v}\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/lists',"
        " params=query)\n"
    )
    source = IN_MODULE.format(more="")
    out = migrate(tmp_path, {"utils.py": source, "lists.py": other})
    result, text = out["utils.py"]
    assert "    if not API_KEY:\n" in text
    assert guards(result) == [(14, Status.MANUAL)]


def test_a_callers_key_is_not_the_configured_key(tmp_path):
    source = (
        "import sys\n\nimport requests\n\n\n"
        "def contact(vid, api_key):\n"
        "    if not api_key:\n"
        "        sys.exit('no key')\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/contact/vid/%s"
        "/profile?hapikey=%s' % (vid, api_key))\n"
    )
    result, text = migrate(tmp_path, {"client.py": source})["client.py"]
    assert "    if not api_key:\n" in text
    assert "os.environ.get" not in text


def test_checks_beside_the_sends_and_in_another_module_move_together(tmp_path):
    script = SCRIPT.replace("hubspot_utils", "utils").format(
        check="    if not utils.API_KEY:\n        sys.exit(1)\n"
    )
    out = migrate(tmp_path, {"utils.py": IN_MODULE.format(more=""), "sync.py": script})
    result, text = out["utils.py"]
    assert f"    if not {PRESENCE}:\n" in text and "API_KEY" not in text
    assert guards(result) == [(14, Status.REWRITE)]
    assert f"    if not {PRESENCE}:\n" in out["sync.py"][1]


def test_the_same_attribute_of_a_parameter_is_not_the_key(tmp_path):
    source = (
        "import sys\n\nimport requests\n\nfrom app import settings\n\n\n"
        "def owners():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': settings.HUBSPOT_API_KEY})\n\n\n"
        "def check(settings):\n"
        "    if not settings.HUBSPOT_API_KEY:\n"
        "        sys.exit(1)\n"
    )
    files = {"app/__init__.py": "", "app/settings.py": SETTINGS, "app/hub.py": source}
    result, text = migrate(tmp_path, files)["app/hub.py"]
    assert "    if not settings.HUBSPOT_API_KEY:\n" in text
    assert guards(result) == [(13, Status.MANUAL)]


def test_apply_moves_a_presence_assert_of_another_module_and_exits_0(
    tmp_path, monkeypatch
):
    from click.testing import CliRunner

    from hapimigrate.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "hub.py").write_text(UTILS)
    (tmp_path / "pkg" / "main.py").write_text(
        "from pkg.hub import API_KEY, contact\n\n\n"
        "def run():\n    assert API_KEY\n    return contact(1)\n"
    )
    result = CliRunner().invoke(main, ["apply", "."])
    assert result.exit_code == 0, result.output
    assert "API_KEY" not in (tmp_path / "pkg" / "hub.py").read_text()
    assert (tmp_path / "pkg" / "main.py").read_text() == (
        "import os\n\nfrom pkg.hub import contact\n\n\n"
        f"def run():\n    assert {PRESENCE}\n    return contact(1)\n"
    )


DESCRIBED = (
    "import os\nimport sys\n\nimport requests\n\n"
    "HUBSPOT_API_KEY = os.environ.get('HUBSPOT_API_KEY')\n\n\n"
    "def main():\n"
    "    if not HUBSPOT_API_KEY:\n"
    "        sys.exit(\"error: set HUBSPOT_API_KEY to the portal's API key"
    ' (Settings > Integrations > API key)")\n'
    "    return requests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all"
    "?hapikey=' + HUBSPOT_API_KEY)\n"
)


def test_a_check_whose_message_describes_the_api_key_is_left_for_a_person(tmp_path):
    # review 20's R7: renamed, the message asked for the portal's API key in
    # HUBSPOT_ACCESS_TOKEN; the check stays, reported, for a person to reword
    ((result, text),) = migrate(tmp_path, {"sync.py": DESCRIBED}).values()
    guards = [s for s in result.sites if s.kind == Kind.GUARD]
    assert [s.status for s in guards] == [Status.MANUAL]
    assert "if not HUBSPOT_API_KEY:" in text
    assert "set HUBSPOT_API_KEY to the portal's API key" in text
    assert "HUBSPOT_ACCESS_TOKEN to the portal" not in text


def test_a_check_whose_message_only_names_the_variable_tests_the_token(tmp_path):
    source = DESCRIBED.replace(
        " to the portal's API key (Settings > Integrations > API key)", ""
    )
    ((result, text),) = migrate(tmp_path, {"sync.py": source}).values()
    assert [s.status for s in result.sites if s.kind == Kind.GUARD] == [Status.REWRITE]
    assert "set HUBSPOT_ACCESS_TOKEN" in text
