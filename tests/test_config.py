"""``[tool.hapimigrate]`` as users write it: every key checked by type and value
before anything runs (exit 2, naming the file, the key and what was expected),
the settings check and baseline take from it, ``--config`` and
``--show-settings``."""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.conftest import invoke

# one finding in each file
LEGACY = 'import requests\nrequests.get("https://api.hubapi.com/crm/objects/2026-03/contacts?hapikey=" + KEY)\n'


@pytest.fixture
def project(tmp_path):
    """A project with 12 findings, 3 of them under legacy/."""
    for folder, count in (("app", 9), ("legacy", 3)):
        (tmp_path / folder).mkdir()
        for index in range(count):
            (tmp_path / folder / f"m{index}.py").write_text(LEGACY)
    return tmp_path


def configure(root, body: str, name: str = "pyproject.toml"):
    (root / name).write_text(textwrap.dedent(body))


def findings(result) -> int:
    return sum(1 for line in result.stdout.splitlines() if ": HM0" in line)


@pytest.mark.parametrize(
    "line, expected",
    [
        # the cases: each was a silent pass or a traceback
        (
            'exclude = "legacy/*"',
            'exclude: expected a list of strings, got a string (write exclude = ["legacy/*"])',
        ),
        (
            'jobs = "four"',
            'jobs: expected a whole number of at least 1 (jobs = 4), got a string ("four")',
        ),
        (
            "token-provider = 5",
            "token-provider: expected a non-empty string, got an integer (5)",
        ),
        (
            'color = "sometimes"',
            'color: expected one of auto, always, never, got a string ("sometimes")',
        ),
        # and the rest of the keys
        ("jobs = 0", "jobs: expected a whole number of at least 1"),
        (
            "jobs = true",
            "jobs: expected a whole number of at least 1 (jobs = 4), got a boolean (true)",
        ),
        ('quiet = "yes"', 'quiet: expected true or false, got a string ("yes")'),
        ("verbose = 1", "verbose: expected true or false, got an integer (1)"),
        ("modernize = []", "modernize: expected true or false, got a list"),
        ('strict = "true"', 'strict: expected true or false, got a string ("true")'),
        ("force-exclude = 0", "force-exclude: expected true or false"),
        ("exclude = [1, 2]", "exclude: expected a list of non-empty strings"),
        (
            'extend-exclude = "vendor"',
            'extend-exclude: expected a list of strings, got a string (write extend-exclude = ["vendor"])',
        ),
        (
            'fail-before = "next year"',
            "fail-before: expected a date (2027-09-01), got a string",
        ),
        (
            "fail-before = 2027",
            "fail-before: expected a date (2027-09-01), got an integer (2027)",
        ),
        (
            "baseline = true",
            "baseline: expected a non-empty string, got a boolean (true)",
        ),
        (
            'output-format = "xml"',
            'output-format: expected one of text, json, github, sarif, got a string ("xml")',
        ),
        (
            'format = "html"',
            'format: expected one of text, json, github, sarif, got a string ("html")',
        ),
        ('token-provider = ""', "token-provider: expected a non-empty string"),
    ],
)
def test_a_wrong_value_is_an_error_before_anything_runs(project, line, expected):
    configure(project, f"[tool.hapimigrate]\n{line}\n")
    for command in ("check", "diff", "apply"):
        result = invoke(command, ".", cwd=project)
        assert result.exit_code == 2, (command, result.stdout, result.stderr)
        assert str(project / "pyproject.toml") in result.stderr
        assert f"[tool.hapimigrate] {expected}" in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""
    assert (project / "app" / "m0.py").read_text() == LEGACY  # apply wrote nothing


def test_a_value_that_could_be_a_secret_is_not_echoed(project):
    configure(
        project, '[tool.hapimigrate]\njobs = "8b3f0c2e-1d4a-4c1e-9f00-123456789abc"\n'
    )
    result = invoke("check", ".", cwd=project)
    assert result.exit_code == 2
    assert (
        "jobs: expected a whole number of at least 1 (jobs = 4), got a string\n"
        in result.stderr
    )
    assert "8b3f0c2e" not in result.stderr


def test_unknown_keys_are_rejected_with_a_suggestion(project):
    configure(
        project, '[tool.hapimigrate]\ntoken_provider = "env:X"\nexclud = []\nfoo = 1\n'
    )
    result = invoke("check", ".", cwd=project)
    assert result.exit_code == 2
    assert (
        "unknown [tool.hapimigrate] keys: exclud (did you mean exclude?), foo, "
        "token_provider (did you mean token-provider?); known keys: token-provider,"
    ) in result.stderr


def test_format_and_output_format_together_are_an_error(project):
    configure(project, '[tool.hapimigrate]\nformat = "json"\noutput-format = "sarif"\n')
    result = invoke("check", ".", cwd=project)
    assert result.exit_code == 2
    assert "sets both format and output-format (the same setting)" in result.stderr


def test_broken_toml_names_the_file(project):
    configure(project, "[tool.hapimigrate\njobs = 2\n")
    result = invoke("check", ".", cwd=project)
    assert result.exit_code == 2
    assert f"{project / 'pyproject.toml'}: not valid TOML" in result.stderr


def test_a_valid_exclude_list_excludes_what_it_names(project):
    assert findings(invoke("check", ".", cwd=project)) == 12
    configure(project, '[tool.hapimigrate]\nexclude = ["legacy/*"]\n')
    result = invoke("check", ".", cwd=project)
    assert (result.exit_code, findings(result)) == (1, 9)
    assert "9 findings, 10 files looked at" in result.stderr  # and pyproject.toml


def test_strict_format_and_fail_before_are_settable(tmp_path):
    (tmp_path / "a.py").write_text(
        "def f():\n    '''Use ?hapikey= no more.'''\n    return 1\n"
    )
    assert (
        invoke("check", ".", cwd=tmp_path).exit_code == 0
    )  # a docstring: not a finding
    configure(tmp_path, '[tool.hapimigrate]\nstrict = true\nformat = "json"\n')
    result = invoke("check", ".", cwd=tmp_path)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["sites"][0]["path"] == "a.py"
    # the command line wins
    assert invoke("check", "--format", "text", ".", cwd=tmp_path).stdout.startswith(
        "a.py:2:"
    )

    (tmp_path / "a.py").write_text(
        'import requests\nrequests.get("https://api.hubapi.com/crm/v4/objects/contacts/1/associations/deals", headers={"Authorization": "Bearer " + T})\n'
    )
    configure(tmp_path, "[tool.hapimigrate]\nfail-before = 2027-04-01\n")  # a TOML date
    assert invoke("check", ".", cwd=tmp_path).exit_code == 1  # v4: 2027-03-30
    configure(tmp_path, '[tool.hapimigrate]\nfail-before = "2027-03-01"\n')
    assert invoke("check", ".", cwd=tmp_path).exit_code == 0


def test_output_format_is_check_s_and_report_keeps_its_own(project):
    configure(project, '[tool.hapimigrate]\noutput-format = "sarif"\n')
    assert json.loads(invoke("check", ".", cwd=project).stdout)["version"] == "2.1.0"
    report = invoke("report", "app/m0.py", cwd=project)
    assert report.exit_code == 0 and report.stdout.startswith("app/m0.py")


def test_baseline_key_is_check_s_baseline_and_where_baseline_writes(project):
    configure(project, '[tool.hapimigrate]\nbaseline = "ci/hapikey-baseline.json"\n')
    (project / "ci").mkdir()
    made = invoke("baseline", ".", cwd=project / "app")  # from a subfolder
    assert made.exit_code == 0, made.stderr
    assert (project / "ci" / "hapikey-baseline.json").exists()
    assert invoke("check", "app", cwd=project).exit_code == 0
    assert invoke("check", ".", cwd=project / "app").exit_code == 0
    (project / "app" / "new.py").write_text(LEGACY)
    result = invoke("check", "app", cwd=project)
    assert (result.exit_code, findings(result)) == (1, 1)
    legacy = invoke("check", "legacy", cwd=project)  # not recorded
    assert (legacy.exit_code, findings(legacy)) == (1, 3)


def test_a_nested_pyproject_without_the_table_does_not_hide_the_root_one(project):
    configure(
        project, '[tool.hapimigrate]\nexclude = ["legacy/*"]\nformat = "github"\n'
    )
    (project / "legacy" / "pyproject.toml").write_text('[project]\nname = "legacy"\n')
    result = invoke("check", ".", cwd=project / "legacy")
    assert result.exit_code == 0 and result.stdout == ""
    # a nested one with the table is that folder's own configuration
    (project / "legacy" / "pyproject.toml").write_text("[tool.hapimigrate]\n")
    result = invoke("check", ".", cwd=project / "legacy")
    assert (result.exit_code, findings(result)) == (1, 3)


def test_config_file_given_explicitly(project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("ci")
    configure(elsewhere, 'exclude = ["m1.py", "m2.py"]\n', name="hapimigrate.toml")
    configure(project, '[tool.hapimigrate]\nexclude = ["legacy/*"]\n')
    result = invoke(
        "check", "--config", str(elsewhere / "hapimigrate.toml"), ".", cwd=project
    )
    assert (
        findings(result) == 12 - 2 - 2
    )  # m1, m2 in both folders; the pyproject is not read
    missing = invoke("check", "--config", "nope.toml", ".", cwd=project)
    assert (
        missing.exit_code == 2 and "nope.toml: --config: no such file" in missing.stderr
    )
    (elsewhere / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    no_table = invoke(
        "check", "--config", str(elsewhere / "pyproject.toml"), ".", cwd=project
    )
    assert (
        no_table.exit_code == 2 and "has no [tool.hapimigrate] table" in no_table.stderr
    )
    bad = invoke(
        "check", "--config", str(elsewhere / "hapimigrate.toml"), ".", cwd=project
    )
    configure(elsewhere, "exclude = 'm1.py'\n", name="hapimigrate.toml")
    bad = invoke(
        "check", "--config", str(elsewhere / "hapimigrate.toml"), ".", cwd=project
    )
    assert (
        bad.exit_code == 2
        and "hapimigrate.toml: [tool.hapimigrate] exclude:" in bad.stderr
    )


def test_show_settings_says_each_value_and_where_it_came_from(project):
    configure(
        project,
        textwrap.dedent("""\
        [tool.hapimigrate]
        exclude = ["legacy/*"]
        jobs = 2
        strict = true
        baseline = "base.json"
        """),
    )
    result = invoke(
        "check",
        "--show-settings",
        "--extend-exclude",
        "m3.py",
        "--jobs",
        "1",
        "app",
        cwd=project,
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    pyproject = str(project / "pyproject.toml")
    assert f"configuration file: {pyproject}" in lines
    assert f"project root: {project}" in lines
    assert f"--exclude [legacy/* (from {project})]    # {pyproject}" in lines
    assert f"--extend-exclude [m3.py (from {project})]    # command line" in lines
    assert "--jobs 1    # command line" in lines
    assert f"--strict true    # {pyproject}" in lines
    assert f"--baseline {project / 'base.json'}    # {pyproject}" in lines
    assert "--format text    # default" in lines
    assert lines[-1] == "PATHS app"
    assert not (project / "base.json").exists()  # nothing ran


def test_show_settings_never_shows_a_secret_given_as_provider(project):
    token = "pat-na1-8b3f0c2e-1d4a-4c1e-9f00-123456789abc"
    configure(project, f'[tool.hapimigrate]\ntoken-provider = "{token}"\n')
    result = invoke("diff", "--show-settings", ".", cwd=project)
    assert result.exit_code == 0
    assert "--token-provider (not shown: not a provider spec)" in result.stdout
    assert "8b3f0c2e" not in result.stdout + result.stderr
    configure(project, '[tool.hapimigrate]\ntoken-provider = "myapp.auth:token"\n')
    shown = invoke("diff", "--show-settings", ".", cwd=project).stdout
    assert "--token-provider myapp.auth:token    # " in shown
