"""After the rewrite, a legacy key definition nothing reads any more is removed
(with imports only it used); one still read, exported, or read by another module
of the tree is kept, and reported when nothing else tells a person about it."""

from __future__ import annotations

from click.testing import CliRunner

from hapimigrate.cli import main
from hapimigrate.model import Kind, Status
from tests.conftest import migrate, migrated_text

USE = 'requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY)\n'
H = '{"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'


def test_unused_definition_goes():
    source = (
        'import os\n\nimport requests\n\nAPI_KEY = os.environ["HUBSPOT_API_KEY"]\n\n'
        + USE
    )
    assert migrated_text(source) == (
        "import os\n\nimport requests\n\n"
        f'requests.get("https://api.hubapi.com/owners/v2/owners", headers={H})\n'
    )


def test_settings_definition_goes_with_its_import():
    source = (
        "from django.conf import settings\nimport requests\n\nAPI_KEY = settings.HUBSPOT_KEY\n"
        + USE
    )
    text = migrated_text(source)
    assert "settings" not in text and "API_KEY" not in text


def test_imported_key_name_goes_from_the_import():
    source = (
        "import requests\nfrom config import BASE, API_KEY\n" + USE + "print(BASE)\n"
    )
    assert "from config import BASE\n" in migrated_text(source)


def test_a_definition_still_read_stays():
    source = (
        'import os\nimport requests\nfrom lib import fetch\nAPI_KEY = os.getenv("K")\n'
        + USE
        + 'fetch("https://api.hubapi.com/x?hapikey=" + API_KEY)\n'
    )
    assert 'API_KEY = os.getenv("K")' in migrated_text(source)


def _setting_reasons(source: str) -> list[str]:
    return [
        s.reason
        for s in migrate(source).sites
        if s.kind == Kind.SETTING and s.status == Status.MANUAL
    ]


def test_exported_and_side_effect_definitions_stay():
    exported = '__all__ = ["API_KEY"]\nimport requests\nAPI_KEY = "k"\n' + USE
    assert 'API_KEY = "k"' in migrated_text(exported)
    assert not _setting_reasons(exported)  # a key written in the code needs no variable
    exported = exported.replace('"k"', 'os.environ["K"]').replace(
        "\n", "\nimport os\n", 1
    )
    assert 'API_KEY = os.environ["K"]' in migrated_text(exported)
    [reason] = _setting_reasons(exported)  # a person is told why the variable stays
    assert reason.startswith("API_KEY is listed in __all__")
    computed = (
        "import requests\nfrom vault import fetch_key\nAPI_KEY = fetch_key()\n" + USE
    )
    assert "API_KEY = fetch_key()" in migrated_text(computed)
    [reason] = _setting_reasons(computed)
    assert "may do more than read the environment" in reason


def test_a_definition_read_outside_any_site_is_reported():
    source = (
        'import os\nimport requests\nAPI_KEY = os.environ["K"]\n'
        + USE
        + "\n\ndef masked():\n    return API_KEY[:4]\n"
    )
    assert 'API_KEY = os.environ["K"]' in migrated_text(source)
    [reason] = _setting_reasons(source)
    assert reason.startswith("API_KEY is still read by masked() in example.py")
    # read by a site left for a person, it is that site's to tell
    assert not _setting_reasons(
        'import os\nimport requests\nfrom lib import fetch\nAPI_KEY = os.getenv("K")\n'
        + USE
        + 'fetch("https://api.hubapi.com/x?hapikey=" + API_KEY)\n'
    )


def test_a_definition_another_module_reads_stays(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keys.py").write_text(
        'import os\nimport requests\nAPI_KEY = os.environ["K"]\n' + USE
    )
    (tmp_path / "other.py").write_text(
        "from keys import API_KEY\nprint(len(API_KEY))\n"
    )
    (tmp_path / "alone.py").write_text(
        'import os\nimport requests\nAPI_KEY = os.environ["K"]\n' + USE
    )
    result = CliRunner().invoke(main, ["apply", "."])
    # kept, so the old variable stays required: a person is told, naming the reader
    assert result.exit_code == 1, result.output
    assert (
        "keys.py:3:1: manual setting: API_KEY is still read by other.py:2"
        in result.output
    )
    assert 'API_KEY = os.environ["K"]' in (tmp_path / "keys.py").read_text()
    assert "hapikey" not in (tmp_path / "keys.py").read_text()
    assert "API_KEY" not in (tmp_path / "alone.py").read_text()


def test_an_attribute_key_leaves_no_unused_import():
    source = "from django.conf import settings\nimport requests\n" + USE.replace(
        "API_KEY", "settings.HUBSPOT_KEY"
    )
    assert "settings" not in migrated_text(source)
    kept = source + "print(settings.DEBUG)\n"
    assert "from django.conf import settings\n" in migrated_text(kept)
