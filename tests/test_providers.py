"""Token providers: built-in specs, imports added once, and a real third-party
provider found through its entry point."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from hapimigrate import providers
from tests.conftest import migrated_text

SOURCE = 'import requests\nrequests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + KEY)\n'


def test_env_provider_names_another_variable():
    text = migrated_text(SOURCE, "env:CRM_TOKEN")
    assert 'headers={"Authorization": "Bearer " + os.environ["CRM_TOKEN"]}' in text
    assert text.startswith("import os\n\nimport requests\n")


def test_callable_provider_is_imported_and_called_per_request():
    text = migrated_text(SOURCE, "myapp.auth:hubspot_token")
    assert text == (
        "import requests\n"
        "from myapp.auth import hubspot_token\n"
        "\n"
        'requests.get("https://api.hubapi.com/owners/v2/owners", '
        'headers={"Authorization": "Bearer " + hubspot_token()})\n'
    )


def test_imports_are_added_once_and_existing_ones_reused():
    source = (
        "import os\nimport requests\n"
        + SOURCE.split("\n", 1)[1]
        + SOURCE.split("\n", 1)[1]
    )
    text = migrated_text(source)
    assert text.count("import os") == 1
    assert text.count('os.environ["HUBSPOT_ACCESS_TOKEN"]') == 2


def test_import_goes_after_docstring_and_future_imports():
    text = migrated_text('"""Doc."""\nfrom __future__ import annotations\n' + SOURCE)
    assert text.startswith(
        '"""Doc."""\nfrom __future__ import annotations\nimport os\n\nimport requests\n'
    )


def test_sdk_clients_get_the_bare_token():
    text = migrated_text(
        "from hubspot import HubSpot\napi = HubSpot(api_key=KEY)\n", "a.b:tok"
    )
    assert "HubSpot(access_token=tok())" in text


@pytest.mark.parametrize(
    "spec,message",
    [
        ("env:", "not an environment variable name"),
        ("env:A-B", "not an environment variable name"),
        ("module_without_callable", "unknown token provider"),
        ("mod:not-a-name", "unknown token provider"),
        ("mod:class", "unknown token provider"),
    ],
)
def test_bad_specs_are_refused(spec, message):
    with pytest.raises(providers.ProviderError, match=message):
        providers.resolve(spec)


def test_entry_point_provider(tmp_path):
    """A provider installed as a distribution with an entry point, as a plugin
    author would ship it, is found by name and given its argument."""
    (tmp_path / "vault_provider.py").write_text(textwrap.dedent("""
            from types import SimpleNamespace

            def provider(argument):
                return SimpleNamespace(
                    imports=[SimpleNamespace(module="mycorp.vault", name="secret")],
                    expression=f"secret({argument!r})",
                )
            """))
    info = tmp_path / "vault_provider-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: vault-provider\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(
        "[hapimigrate.token_providers]\nvault = vault_provider:provider\n"
    )
    (tmp_path / "legacy.py").write_text(SOURCE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hapimigrate",
            "diff",
            "--token-provider",
            "vault:hubspot",
            "legacy.py",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1, result.stderr
    assert "+from mycorp.vault import secret" in result.stdout
    assert "\"Bearer \" + secret('hubspot')" in result.stdout


def test_relative_imports_at_the_top_are_fine():
    text = migrated_text(
        "from . import helpers\nimport requests\n" + SOURCE.split("\n", 1)[1]
    )
    assert text.startswith("import os\n\nfrom . import helpers\nimport requests\n")
