"""A file named alone (``apply crm.py``, as pre-commit names files; ``apply -
--stdin-filename crm.py``) whose key definition goes only because another
module's rewrite stops reading it: that rewrite is not made by this run, so the
definition stays and the file's sites are tied to the project (review 15's R5:
crm.API_KEY was removed while digest.py still read it, AttributeError)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import invoke
from tests.test_leftovers import CRM, DIGEST


def test_a_definition_others_stop_reading_stays_when_they_are_not_rewritten(
    tmp_path,
):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "crm.py").write_text(CRM)
    (tmp_path / "digest.py").write_text(DIGEST)
    alone = invoke("apply", "crm.py", cwd=tmp_path)
    assert alone.exit_code == 1, alone.output
    assert "migrated together with other modules" in alone.output
    assert (tmp_path / "crm.py").read_text() == CRM
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "hapimigrate",
            "diff",
            "-",
            "--stdin-filename",
            "crm.py",
        ],
        cwd=tmp_path,
        input=CRM,
        capture_output=True,
        text=True,
    )
    assert "-API_KEY" not in piped.stdout
    assert "migrated together with other modules" in piped.stdout + piped.stderr
    project = invoke("apply", ".", cwd=tmp_path)
    assert project.exit_code == 0, project.output
    assert "API_KEY" not in (tmp_path / "crm.py").read_text()
    assert "crm.API_KEY" not in (tmp_path / "digest.py").read_text()


def test_a_definition_a_suppressed_reader_reads_stays(tmp_path):
    """The reader's use is suppressed (``# hapimigrate: ignore``): its rewrite
    is not made, so it still reads the definition (review 16's S8)."""
    digest = DIGEST.replace("&limit={n}'", "&limit={n}'  # hapimigrate: ignore")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "crm.py").write_text(CRM)
    (tmp_path / "digest.py").write_text(digest)
    applied = invoke("apply", ".", cwd=tmp_path)
    assert "API_KEY = os.environ" in (tmp_path / "crm.py").read_text()
    assert (tmp_path / "digest.py").read_text() == digest
    assert applied.exit_code == 1, applied.output


def test_a_folder_named_below_the_project_root_is_decided_in_the_project(tmp_path):
    """``apply app`` where ``scripts/export.py`` (outside ``app``) reads
    ``crm.API_KEY``: the project's other files are read, so the definition
    stays (review 16's S6: it was removed, AttributeError)."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "crm.py").write_text(CRM)
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "export.py").write_text(
        "from app import crm\n\n\ndef has_key():\n    return bool(crm.API_KEY)\n"
    )
    applied = invoke("apply", "app", cwd=tmp_path)
    assert "API_KEY = os.environ" in (tmp_path / "app" / "crm.py").read_text()
    assert applied.exit_code == 1, applied.output


def test_an_excluded_module_reading_a_definition_keeps_it(tmp_path):
    """``exclude = ["legacy/*"]``: legacy/ is not rewritten, but it is read, so
    a definition it reads stays (review 16's S6)."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.hapimigrate]\nexclude = ["legacy/*"]\n'
    )
    (tmp_path / "crm.py").write_text(CRM)
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "export.py").write_text(
        "import crm\n\n\ndef has_key():\n    return bool(crm.API_KEY)\n"
    )
    applied = invoke("apply", ".", cwd=tmp_path)
    assert "API_KEY = os.environ" in (tmp_path / "crm.py").read_text()
    assert applied.exit_code == 1, applied.output
