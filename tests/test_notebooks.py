"""Notebooks: code cells are migrated like modules; markdown cells, outputs,
metadata and the JSON layout are kept; magics and shell lines are left alone."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from click.testing import CliRunner

from hapimigrate.model import RunOptions
from hapimigrate import providers
from hapimigrate import run
from hapimigrate.cli import main
from tests.conftest import FIXTURES

BEFORE = os.path.join(FIXTURES, "notebooks", "export.before.ipynb")
AFTER = os.path.join(FIXTURES, "notebooks", "export.after.ipynb")
JOB = RunOptions(providers.resolve(None))


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def test_golden_notebook():
    result = run.process_file(BEFORE, JOB)
    assert result.error is None
    assert result.new == read(AFTER)
    assert run.process_file(AFTER, JOB).new is None  # idempotent


def test_only_code_cell_sources_change():
    before, after = json.loads(read(BEFORE)), json.loads(read(AFTER))
    assert before["metadata"] == after["metadata"]
    for old, new in zip(before["cells"], after["cells"]):
        assert {k: v for k, v in old.items() if k != "source"} == {
            k: v for k, v in new.items() if k != "source"
        }
        if old["cell_type"] == "markdown":
            assert old["source"] == new["source"]
    code = "".join(after["cells"][1]["source"])
    assert code.startswith("%matplotlib inline\n")  # magics stay, in place
    assert (
        "!curl 'https://api.hubapi.com/owners/v2/owners?hapikey=" in code
    )  # shell: by hand
    assert (
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'
        in code
    )


def test_sites_carry_cell_and_line():
    [site] = run.process_file(BEFORE, JOB).sites
    assert (site.cell, site.cell_line, site.line) == (2, 5, 29)


def test_diff_is_shown_per_cell_and_apply_writes(tmp_path):
    target = tmp_path / "nb.ipynb"
    shutil.copy(BEFORE, target)
    diff = CliRunner().invoke(main, ["diff", str(target)])
    assert diff.exit_code == 1
    assert diff.stdout.startswith(f"--- a/{target} (cell 2)\n+++ b/{target} (cell 2)\n")
    # the !curl line is left for a person: apply writes the cell, then says so
    assert CliRunner().invoke(main, ["apply", str(target)]).exit_code == 1
    assert target.read_bytes() == read(AFTER)


LAYOUTS = {
    "no indent": dict(),
    "compact": dict(separators=(",", ":")),
    "two spaces, no newline at the end": dict(indent=2, end=""),
    "four spaces, keys sorted": dict(indent=4, sort_keys=True),
    "tabs, ASCII escapes": dict(indent="\t", ensure_ascii=True),
    "keys in another order": dict(indent=1, reverse=True),
}


def _written(notebook: dict, end: str = "\n", reverse: bool = False, **options):
    if reverse:  # another tool's key order, at every level
        notebook = json.loads(
            json.dumps(notebook),
            object_pairs_hook=lambda pairs: dict(reversed(pairs)),
        )
    options.setdefault("ensure_ascii", False)
    return json.dumps(notebook, **options) + end


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_a_notebook_keeps_its_own_layout(name, tmp_path):
    """Written back in its own layout: only the changed sources differ from what
    the same tool would write, and the rewrite is the one nbformat's layout gets."""
    options = dict(LAYOUTS[name])
    notebook = json.loads(read(BEFORE))
    notebook["cells"][0]["source"] = ["Caf\u00e9 \u2014 export\n"]  # non-ASCII text
    target = tmp_path / "other.ipynb"
    target.write_text(_written(notebook, **options), encoding="utf-8")
    result = run.process_file(str(target), JOB)
    assert result.error is None
    assert [s.status.value for s in result.sites] == ["rewrite"]
    expected = json.loads(result.new)
    for cell, want in zip(
        expected["cells"], json.loads(_nbformat_result(notebook, tmp_path))["cells"]
    ):
        assert cell == want
    options.pop("reverse", None)  # the result is in the file's own order
    assert result.new.decode("utf-8") == _written(expected, **options)


def _nbformat_result(notebook: dict, tmp_path) -> bytes:
    path = tmp_path / "nbformat.ipynb"
    path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n")
    return run.process_file(str(path), JOB).new


def test_a_notebook_in_a_layout_json_cannot_reproduce_is_reported_not_rewritten(
    tmp_path,
):
    text = json.dumps(json.loads(read(BEFORE)), indent=1) + "\n"
    target = tmp_path / "escaped.ipynb"
    target.write_text(
        text.replace("Export contacts", "Export\\/contacts")
    )  # a \/ escape
    result = run.process_file(str(target), JOB)
    assert result.new is None
    assert result.sites[0].status.value == "manual"
    assert "layout" in result.sites[0].reason


def test_sites_of_a_notebook_on_one_line_are_on_that_line(tmp_path):
    target = tmp_path / "line.ipynb"
    target.write_text(json.dumps(json.loads(read(BEFORE))))
    [site] = run.process_file(str(target), JOB).sites
    assert (site.line, site.cell, site.cell_line) == (1, 2, 5)


def test_identical_magic_lines_are_reported_at_their_own_lines(tmp_path):
    line = "!curl 'https://api.hubapi.com/x?hapikey=$KEY'\n"
    cell = ["import os\n", line, "x = 1\n", line]
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": cell}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(notebook, indent=1) + "\n")
    options = RunOptions(providers.resolve(None), scan_text=True)
    sites = run.process_file(str(path), options).sites
    assert [s.cell_line for s in sites] == [2, 4]


def test_a_key_defined_in_one_cell_and_used_in_others_goes_when_they_migrate(tmp_path):
    """KEY = os.environ[...] in the first cell, its uses in later ones: once they
    are migrated nothing reads it, so it goes (the notebook would stop on a
    KeyError without the old variable); ``import os``, which other cells use,
    stays."""

    def code(*lines):
        return {"cell_type": "code", "metadata": {}, "execution_count": None,
                "outputs": [], "source": [l + "\n" for l in lines[:-1]] + [lines[-1]]}  # fmt: skip

    notebook = {"cells": [
        code("import os", "import requests", "KEY = os.environ['HUBSPOT_API_KEY']"),
        code("r = requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': KEY})"),
        code("print(os.getcwd())"),
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}  # fmt: skip
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    result = run.process_file(str(target), JOB)
    cells = json.loads(result.new)["cells"]
    first = "".join(cells[0]["source"])
    assert "KEY" not in first and "import os" in first
    assert "hapikey" not in "".join(cells[1]["source"])


def test_a_python2_notebook_cell_is_migrated_and_stays_python2(tmp_path):
    cell = [
        "import requests\n",
        'print "fetching owners"\n',
        'r = requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + KEY)\n',
        "print r.status_code",
    ]
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": cell}],
        "metadata": {"kernelspec": {"name": "python2"}},
        "nbformat": 4,
        "nbformat_minor": 2,
    }
    target = tmp_path / "py2.ipynb"
    target.write_text(json.dumps(notebook, indent=2))  # no newline at the end
    result = run.process_file(str(target), JOB)
    assert [s.status.value for s in result.sites] == ["rewrite"]
    text = result.new.decode()
    assert not text.endswith("\n") and text.startswith('{\n  "cells"')
    source = json.loads(text)["cells"][0]["source"]
    assert source == [  # the print statements kept as they were
        "import os\n",
        "\n",
        "import requests\n",
        'print "fetching owners"\n',
        'r = requests.get("https://api.hubapi.com/owners/v2/owners", headers='
        '{"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]})\n',
        "print r.status_code",
    ]


def _code(*lines):
    return {"cell_type": "code", "metadata": {}, "execution_count": None,
            "outputs": [], "source": [l + "\n" for l in lines[:-1]] + [lines[-1]]}  # fmt: skip


def _notebook(*cells):
    return {"cells": list(cells), "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


class _Recorded:
    """A stand-in for ``requests`` that records what each call sends."""

    def __init__(self):
        self.calls = []

    def get(self, url, params=None, headers=None):
        self.calls.append((url, dict(params or {}), dict(headers or {})))
        return self

    def json(self):
        return {}


def _run_cells(notebook: dict, env: dict, monkeypatch) -> list:
    """Run the notebook's code cells in order, in one namespace, as Jupyter does."""
    recorded = _Recorded()
    monkeypatch.setitem(__import__("sys").modules, "requests", recorded)
    for name in ("HUBSPOT_API_KEY", "HUBSPOT_ACCESS_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {}
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            exec("".join(cell["source"]), namespace)
    return recorded.calls


def test_a_function_migrated_in_one_cell_and_called_in_a_later_one_moves_together(
    tmp_path, monkeypatch
):
    """Cells share one namespace: ``owners(KEY)`` in cell 4 calls the function
    cell 2 defines; migrated, the function takes a token and its caller there
    gives it the token (not the old key)."""
    notebook = _notebook(
        _code("import os", "import requests", "KEY = os.environ['HUBSPOT_API_KEY']"),
        _code("def owners(key):", "    return requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': key, 'limit': 5}).json()"),  # fmt: skip
        {"cell_type": "markdown", "metadata": {}, "source": ["# Run"]},
        _code("owners(KEY)"),
    )
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    result = run.process_file(str(target), JOB)
    assert [s.status.value for s in result.sites] == ["rewrite"]
    migrated = json.loads(result.new)
    calls = _run_cells(migrated, {"HUBSPOT_ACCESS_TOKEN": "pat-1"}, monkeypatch)
    assert calls == [
        (
            "https://api.hubapi.com/crm/v3/owners",
            {"limit": 5},
            {"Authorization": "Bearer pat-1"},
        )
    ]
    assert migrated["cells"][2] == notebook["cells"][2]  # markdown untouched


def test_another_host_fetched_in_a_later_cell_keeps_the_helper_manual(tmp_path):
    """``get(url)`` of cell 2 adds the key to any URL; cell 4 gives it Slack's:
    the token must not go there, so nothing changes, and the reason names the
    cell and line of that call."""
    notebook = _notebook(
        _code("import os", "import requests", "KEY = os.environ['HUBSPOT_API_KEY']"),
        _code("def get(url):", "    return requests.get(url, params={'hapikey': KEY}).json()"),  # fmt: skip
        _code("get('https://api.hubapi.com/crm/v3/owners')"),
        _code("x = 1", "get('https://hooks.slack.com/services/T0/B0')"),
    )
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    result = run.process_file(str(target), JOB)
    assert result.new is None
    [site] = result.sites
    assert site.status.value == "manual" and (site.cell, site.cell_line) == (2, 2)
    assert "(cell 4 line 2)" in site.reason


def test_cells_keep_their_magics_and_missing_final_newlines(tmp_path):
    notebook = _notebook(
        _code("%load_ext autoreload", "import requests", "!echo hi", "r = requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + KEY)"),  # fmt: skip
        _code("print(r.status_code)", "!ls"),
    )
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1))
    result = run.process_file(str(target), JOB)
    cells = json.loads(result.new)["cells"]
    assert cells[0]["source"] == [
        "%load_ext autoreload\n",
        "import os\n",
        "\n",
        "import requests\n",
        "!echo hi\n",
        "r = requests.get('https://api.hubapi.com/crm/v3/owners', headers="
        '{"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]})',
    ]
    assert cells[1] == notebook["cells"][1]


def test_a_cell_magic_is_not_python_and_imports_go_below_it(tmp_path):
    """A review: a %%writefile cell's body was joined into the notebook's
    module (the script it writes lost its import), and `import os` was put
    above a %%writefile in the first cell (IPython then refuses the cell)."""
    notebook = _notebook(
        _code("%%writefile settings.txt", "region=eu"),
        _code("%%writefile job.py", "import requests", "requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + KEY)"),  # fmt: skip
        _code("import requests", "r = requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + KEY)"),  # fmt: skip
    )
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    result = run.process_file(
        str(target), RunOptions(providers.resolve(None), scan_text=True)
    )
    cells = json.loads(result.new)["cells"]
    assert cells[0] == notebook["cells"][0] and cells[1] == notebook["cells"][1]
    assert cells[2]["source"][0] == "import os\n"
    statuses = {
        (s.cell, s.status.value) for s in result.sites if s.kind.value != "call"
    }
    assert (2, "manual") in statuses and (3, "rewrite") in statuses


def test_a_key_a_shell_line_reads_is_kept(tmp_path):
    notebook = _notebook(
        _code("import os, requests", "KEY = os.environ['HUBSPOT_API_KEY']"),
        _code(
            "r = requests.get('https://api.hubapi.com/crm/v3/owners?hapikey=' + KEY)"
        ),
        _code("!python sync.py --api-key {KEY}"),
    )
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    result = run.process_file(str(target), JOB)
    cells = json.loads(result.new)["cells"]
    assert "KEY = os.environ['HUBSPOT_API_KEY']" in "".join(cells[0]["source"])
    assert any(s.kind.value == "setting" for s in result.sites)


def test_a_cell_holding_only_the_key_is_emptied_and_the_notebook_rewritten(
    tmp_path, monkeypatch
):
    """Real notebooks keep the key in a cell of its own, without a final
    newline (``HS_API_TOKEN = "YOUR_HUBSPOT_API_KEY"``): once its one use is
    migrated the definition goes and the cell is left empty; that emptied cell
    made the whole notebook "cells that could not be told apart"."""
    notebook = _notebook(
        _code("import requests"),
        _code('HS_API_TOKEN = "YOUR_HUBSPOT_API_KEY" '),
        _code("def owners():", "    return requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': HS_API_TOKEN, 'limit': 5}).json()"),  # fmt: skip
        _code("owners()"),
    )
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    result = run.process_file(str(target), JOB)
    assert [s.status.value for s in result.sites] == ["rewrite"]
    migrated = json.loads(result.new)
    assert migrated["cells"][1]["source"] == []
    calls = _run_cells(migrated, {"HUBSPOT_ACCESS_TOKEN": "pat-1"}, monkeypatch)
    assert calls == [
        (
            "https://api.hubapi.com/crm/v3/owners",
            {"limit": 5},
            {"Authorization": "Bearer pat-1"},
        )
    ]


def test_a_saved_output_showing_the_key_is_reported_never_shown(tmp_path):
    """The cells migrate, but a saved output still shows the key
    (``r.url`` with ``?hapikey=...``): a manual site at that cell, a key to
    revoke, and check fails on the file; the key's value appears nowhere."""
    secret = "4f2c9a1e-7b3d-4e5f-8a9b-0c1d2e3f4a5b"
    shown = _code("r = requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': KEY})", "r.url")  # fmt: skip
    shown["outputs"] = [
        {
            "output_type": "execute_result",
            "execution_count": 3,
            "metadata": {},
            "data": {"text/plain": [f"'https://api.hubapi.com/crm/v3/owners?hapikey={secret}'"]},  # fmt: skip
        }
    ]
    notebook = _notebook(
        _code("import os", "import requests", "KEY = os.environ['HUBSPOT_API_KEY']"),
        shown,
    )
    target = tmp_path / "nb.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    result = run.process_file(str(target), JOB)
    statuses = sorted((s.status.value, s.kind.value, s.cell) for s in result.sites)
    assert statuses == [("manual", "text", 2), ("rewrite", "params", 2)]
    (output,) = [s for s in result.sites if s.kind.value == "text"]
    assert output.hardcoded_key and "clear the cell's outputs" in output.reason
    assert secret not in output.reason
    checked = CliRunner().invoke(main, ["check", str(target)])
    assert checked.exit_code == 1 and secret not in checked.output
