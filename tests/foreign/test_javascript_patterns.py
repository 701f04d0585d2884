"""Golden fixtures of the JavaScript/TypeScript front end: for each pattern in
``fixtures/javascript/``, ``before.<ext>`` must become exactly ``after.<ext>``
(byte for byte: a manual pattern stays identical), the sites must be exactly
those of ``sites.txt``, the result must parse with no error, and a second run
must change nothing. ``options.txt`` may name the token provider
(``provider=auth.tokens:getToken``). A pattern named ``manual*`` must stay byte
for byte, every site manual."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

pytest.importorskip("tree_sitter_javascript")
pytest.importorskip("tree_sitter_typescript")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.foreign.js_syntax import parse_for  # noqa: E402
from hapimigrate.foreign.splice import error_count  # noqa: E402
from hapimigrate.model import RunOptions  # noqa: E402
from tests.conftest import FIXTURES  # noqa: E402

PATTERNS = os.path.join(FIXTURES, "javascript")
NAMES = sorted(os.listdir(PATTERNS))


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _source(name: str, stem: str) -> str:
    folder = os.path.join(PATTERNS, name)
    (found,) = [f for f in os.listdir(folder) if f.startswith(stem + ".")]
    return os.path.join(folder, found)


def _options(name: str) -> RunOptions:
    path = os.path.join(PATTERNS, name, "options.txt")
    spec = None
    if os.path.exists(path):
        for line in _read(path).decode().splitlines():
            key, _, value = line.partition("=")
            assert key == "provider", f"{path}: unknown option {key}"
            spec = value
    return RunOptions(providers.resolve(spec))


def _call(call) -> str:
    return f"{call.method or '-'} {call.path or '-'}"


def site_lines(result) -> str:
    return "".join(
        f"{s.line}:{s.column} {s.kind.value} {s.status.value} "
        f"[{', '.join(_call(c) for c in s.calls)}]"
        f"{' hardcoded' if s.hardcoded_key else ''}"
        f"{': ' + s.reason if s.reason else ''}\n"
        for s in result.sites
    )


@pytest.mark.parametrize("name", NAMES)
def test_pattern(name, update_goldens):
    before_path = _source(name, "before")
    extension = os.path.splitext(before_path)[1]
    after_path = os.path.join(PATTERNS, name, "after" + extension)
    sites_path = os.path.join(PATTERNS, name, "sites.txt")
    before = _read(before_path)
    result = javascript.process("before" + extension, before, _options(name))
    assert result.error is None
    after = result.new if result.new is not None else before
    sites = site_lines(result)
    if update_goldens:
        with open(after_path, "wb") as handle:
            handle.write(after)
        with open(sites_path, "w") as handle:
            handle.write(sites)
    if name.startswith("manual"):  # nothing in it may change
        assert result.new is None and after == before
        assert {s.status.value for s in result.sites} == {"manual"}
    assert after == _read(after_path)
    assert sites == _read(sites_path).decode()
    assert error_count(parse_for(after_path)(after)) == 0


@pytest.mark.parametrize("name", NAMES)
def test_pattern_is_idempotent(name):
    before_path = _source(name, "before")
    extension = os.path.splitext(before_path)[1]
    after = _read(os.path.join(PATTERNS, name, "after" + extension))
    again = javascript.process("after" + extension, after, _options(name))
    assert again.new is None or again.new == after
    assert not [s for s in again.sites if s.status.value == "rewrite"]


def test_every_pattern_has_its_golden():
    for name in NAMES:
        files = os.listdir(os.path.join(PATTERNS, name))
        assert "sites.txt" in files, name
        assert [f for f in files if f.startswith("after.")], name


NODE = shutil.which("node")
SCRIPTS = [
    name
    for name in NAMES
    if os.path.splitext(_source(name, "before"))[1] in (".js", ".mjs", ".cjs")
]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("name", SCRIPTS)
def test_node_accepts_every_migrated_script(name):
    extension = os.path.splitext(_source(name, "before"))[1]
    after = os.path.join(PATTERNS, name, "after" + extension)
    done = subprocess.run([NODE, "--check", after], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
