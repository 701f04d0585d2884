"""Bad input never crashes the run and never loses data: files that cannot be
parsed or reproduced are reported and left byte for byte; files that are rewritten
keep their encoding, BOM and line endings; writes are atomic."""

from __future__ import annotations

import os
import subprocess

import pytest

from hapimigrate.model import RunOptions
from hapimigrate import providers
from hapimigrate import run
from hapimigrate.source import ChangedOnDisk, write_atomic
from tests.conftest import migrate, run_cli

URL_LINE = 'requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + KEY)'
HEADER = 'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'


def test_crlf_stays_crlf():
    source = f"import requests\r\n\r\n{URL_LINE}\r\n".encode()
    new = migrate(source).new
    assert new.count(b"\r\n") == new.count(b"\n") == 5
    assert f"{HEADER})\r\n".encode() in new


def test_bom_and_utf8_are_kept():
    source = f"\ufeff# café\nimport requests\n{URL_LINE}\n".encode("utf-8")
    new = migrate(source).new
    assert new.startswith(b"\xef\xbb\xbf# caf\xc3\xa9\n")
    assert HEADER.encode() in new


def test_latin1_with_cookie_keeps_its_encoding():
    source = f"# -*- coding: latin-1 -*-\n# café\nimport requests\n{URL_LINE}\n".encode(
        "latin-1"
    )
    result = migrate(source)
    assert b"# caf\xe9\n" in result.new
    assert result.new.decode("latin-1").count("hapikey") == 0


def test_tabs_are_kept():
    source = f"import requests\nif True:\n\t{URL_LINE}\n"
    new = migrate(source).new.decode()
    assert (
        f'\n\trequests.get("https://api.hubapi.com/owners/v2/owners", {HEADER})\n'
        in new
    )


@pytest.mark.parametrize(
    "name,data,reason",
    [
        (
            "python2",
            b'def f((a, b)): pass\nurl = "https://api.hubapi.com/x?hapikey=" + KEY\n',
            "does not parse",
        ),
        ("syntax_error", b"def f(:\n    return '?hapikey=' + K\n", "does not parse"),
        (
            "not_utf8",
            b'# caf\xe9\nu = "https://api.hubapi.com/x?hapikey=" + K\n',
            "cannot be decoded",
        ),
        ("nul_bytes", b"\x00\x01hapikey=\x00\xff", ""),
    ],
)
def test_unparsable_files_are_reported_and_left_alone(name, data, reason):
    result = migrate(data)
    assert result.new is None
    assert result.error is None
    assert result.sites, "the hapikey lines are still reported"
    assert {s.status.value for s in result.sites} == {"unparsed"}
    assert reason in result.sites[0].reason
    assert [s.line for s in result.sites] == [
        n for n, line in enumerate(data.splitlines(), 1) if b"hapikey" in line
    ]


def test_deeply_nested_expression_does_not_crash():
    data = ("x = " + "(" * 300 + "'?hapikey=' + K" + ")" * 300 + "\n").encode()
    result = migrate(data)
    assert result.new is None or result.error is None


def test_pep701_fstrings_are_handled_or_reported():
    data = b'import requests\nrequests.get(f"https://api.hubapi.com/x/{d["id"]}?hapikey={KEY}")\n'
    result = migrate(data)
    assert result.error is None
    assert result.sites and result.sites[0].status.value in ("rewrite", "unparsed")


def test_empty_and_binary_files_are_untouched(tmp_path):
    job = RunOptions(providers.resolve(None))
    for name, data in (("empty.py", b""), ("binary.py", bytes(range(256)) * 10)):
        path = tmp_path / name
        path.write_bytes(data)
        result = run.process_file(str(path), job)
        assert result.new is None and result.sites == ()


def test_a_directory_passed_as_a_file_is_an_error_not_a_crash(tmp_path):
    result = run.process_file(str(tmp_path), RunOptions(providers.resolve(None)))
    assert result.error.startswith("cannot read")


def test_write_refuses_a_file_changed_since_it_was_read(tmp_path):
    path = tmp_path / "a.py"
    path.write_bytes(b"old\n")
    with pytest.raises(ChangedOnDisk):
        write_atomic(str(path), b"new\n", expected=b"older\n")
    assert path.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["a.py"]


def test_bad_tree_runs_to_the_end_without_a_traceback(tmp_path):
    good = f"import requests\n{URL_LINE}\n"
    (tmp_path / "good.py").write_text(good)
    (tmp_path / "py2.py").write_bytes(b'def f((a, b)): pass\nu = "?hapikey=" + K\n')
    (tmp_path / "latin.py").write_bytes(b"# caf\xe9\nu = 1\n")
    (tmp_path / "dir.py").mkdir()
    (tmp_path / "dir.py" / "inner.py").write_text(good)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    outside = tmp_path.parent / f"{tmp_path.name}-outside.py"
    outside.write_text(good)
    (tmp_path / "out.py").symlink_to(outside)
    before = {
        p: p.read_bytes() for p in (tmp_path / "py2.py", tmp_path / "latin.py", outside)
    }
    result = run_cli("apply", str(tmp_path))
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # the Python 2 file needs a person
    assert "py2.py:2:" in result.stderr and "unparsed" in result.stderr
    assert "hapikey" not in (tmp_path / "good.py").read_text()
    assert "hapikey" not in (tmp_path / "dir.py" / "inner.py").read_text()
    for path, data in before.items():
        assert path.read_bytes() == data, path
    assert (tmp_path / "out.py").is_symlink()


def test_a_10_mb_file_is_read_once_and_left_alone(tmp_path):
    big = tmp_path / "generated_data.py"
    big.write_bytes(b"DATA = [\n" + b"    'row',\n" * 1_000_000 + b"]\n")
    assert big.stat().st_size > 10_000_000
    result = run.process_file(str(big), RunOptions(providers.resolve(None)))
    assert result.sites == () and result.new is None and result.error is None


def test_a_file_that_cannot_be_written_is_reported_and_the_rest_done(tmp_path):
    """A directory made immutable (chattr +i: even root cannot create or rename
    in it) holds one legacy file; another sits beside it."""
    good = f"import requests\n{URL_LINE}\n"
    for folder in ("locked", "open"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "legacy.py").write_text(good)
    if subprocess.run(
        ["chattr", "+i", str(tmp_path / "locked")], capture_output=True
    ).returncode:
        pytest.skip("chattr +i is not available here")
    try:
        result = run_cli("apply", str(tmp_path))
    finally:
        subprocess.run(["chattr", "-i", str(tmp_path / "locked")], capture_output=True)
    assert result.returncode == 2
    assert "locked/legacy.py: error: cannot write" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "locked" / "legacy.py").read_text() == good
    assert "hapikey" not in (tmp_path / "open" / "legacy.py").read_text()
