"""``check`` reads a file's sites and its error, not its rewrite: the codemod
does not make the rewrite for it where the findings cannot depend on it
(issue #15 item 16, the 10x tree's speed), and the files are read by their
descriptor. Both change nothing ``check`` finds."""

from __future__ import annotations

import glob
import os
from types import SimpleNamespace

import libcst as cst
import pytest

from hapimigrate import providers, run
from hapimigrate.model import CALLS_DATED, RunOptions
from hapimigrate.python import module, slicing
from hapimigrate.python.edits import Edits
from tests.conftest import FIXTURES

CHECK = RunOptions(providers.resolve(None), scan_text=True, calls=CALLS_DATED)
FILLER = "".join(
    f"\n\ndef unrelated_{n}(items):\n    return sum(item * {n} for item in items)\n"
    for n in range(40)
)
# a module big enough to be sliced, with a rewrite, a dead key definition (its
# removal is part of the rewrite) and a site of another status
SLICED = (
    "import os\nimport requests\n\n"
    "API_KEY = os.environ['HUBSPOT_API_KEY']\n" + FILLER + "\n\ndef contacts():\n"
    "    return requests.get('https://api.hubapi.com/contacts/v1/lists/all/"
    "contacts/all?hapikey=' + API_KEY)\n"
    "\n\ndef owners(url):\n    return requests.get(url + '&hapikey=' + API_KEY)\n"
).encode()
PYTHON_FILES = sorted(glob.glob(os.path.join(FIXTURES, "**", "*.py"), recursive=True))


def both(path: str, data: bytes):
    """check's result of ``data``: without the rewrite, and with it."""
    alone = module.process_source(path, data, CHECK, findings_only=True)
    made = module.process_source(path, data, CHECK)
    return alone, made


@pytest.mark.parametrize(
    "path", PYTHON_FILES, ids=[os.path.relpath(p, FIXTURES) for p in PYTHON_FILES]
)
def test_check_finds_the_same_without_the_rewrite(path):
    with open(path, "rb") as handle:
        data = handle.read()
    alone, made = both(path, data)
    assert alone.sites == made.sites
    assert alone.error == made.error
    assert alone.encoding == made.encoding and alone.original == made.original


def test_a_sliced_module_is_checked_without_its_rewrite():
    assert slicing.reduce(SLICED) is not None  # the case at hand
    alone, made = both("app.py", SLICED)
    assert made.new is not None  # diff's rewrite (the key definition removed)
    assert b"API_KEY = os.environ" not in made.new
    assert alone.new is None  # not made for check
    assert alone.sites == made.sites and alone.error is None
    assert len({s.status for s in alone.sites}) > 1  # a rewrite and another


def test_the_run_hands_check_s_python_files_over_without_the_rewrite(tmp_path):
    (tmp_path / "app.py").write_bytes(SLICED)
    checked = run.process_file(str(tmp_path / "app.py"), CHECK)
    assert checked.new is None and checked.sites
    diffed = run.process_file(
        str(tmp_path / "app.py"), RunOptions(providers.resolve(None))
    )
    assert diffed.new is not None


def _slice_module() -> tuple[cst.Module, cst.Pass]:
    part = slicing.reduce(SLICED)
    tree = cst.parse_module(part.source)
    markers = [
        s
        for s in tree.body
        if isinstance(s, cst.SimpleStatementLine)
        and s.trailing_whitespace.comment is not None
        and "hapimigrate-slice:" in s.trailing_whitespace.comment.value
    ]
    assert markers
    return tree, markers[0].body[0]


def test_an_edit_reaching_a_marker_line_has_the_rewrite_made():
    """The rewrite of a slice is spliced back by its marker lines, and a marker
    gone sends the whole file through again: an edit in one is made."""
    tree, marker = _slice_module()
    edits = Edits()
    ctx = SimpleNamespace(module=tree, edits=edits)
    assert module._rewrite_unread(ctx, CHECK, sliced=True)
    edits.statements[marker] = []
    assert not module._rewrite_unread(ctx, CHECK, sliced=True)
    assert module._rewrite_unread(ctx, CHECK, sliced=False)  # no splice there
    # and never for a run that shows the rewrite
    assert not module._rewrite_unread(
        SimpleNamespace(module=tree, edits=Edits()),
        RunOptions(providers.resolve(None)),
        sliced=False,
    )


def test_a_notebook_s_cells_are_rewritten_for_check(monkeypatch):
    """A notebook's cells are spliced back by their rewrite: never skipped."""
    asked = []
    real = module._sliced

    def spy(*args, **kwargs):
        asked.append(kwargs.get("findings_only", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "_sliced", spy)
    notebooks = sorted(glob.glob(os.path.join(FIXTURES, "notebooks", "*.ipynb")))
    assert notebooks
    for path in notebooks:
        run.process_file(path, CHECK)
    assert asked and not any(asked)


@pytest.mark.parametrize("size", [0, 1, 4096, (1 << 20) + 3])
def test_a_file_is_read_whole(tmp_path, size):
    path = tmp_path / "m.py"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    assert run._read(str(path)) == path.read_bytes()


def test_an_unreadable_file_reads_as_none_and_is_reported(tmp_path):
    assert run._read(str(tmp_path / "missing.py")) is None
    assert run._read(str(tmp_path)) is None  # a folder
    assert run.process_file(str(tmp_path / "missing.py"), CHECK).error
