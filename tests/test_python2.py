"""Python 2 files (issue #12, item 10): migrated through a normalised text, the
result still Python 2.

Goldens in ``fixtures/python2/<pattern>/``: ``before.py`` must become exactly
``after.py`` (or stay, where a person must act), the sites must be those of
``sites.txt``, the result must parse with Python 2's grammar and hold nothing only
Python 3 has, and a second run changes nothing. Where a Python 2 interpreter is
installed, the migrated script runs against the local HubSpot stand-in.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

import pytest

from hapimigrate import providers
from hapimigrate.model import FileResult, Kind, RunOptions, Site, Status
from hapimigrate.python import module as codemod
from hapimigrate.python import python2, roundtrip
from tests.conftest import FIXTURES
from tests.hubspot_standin import StandIn
from tests.test_patterns import options_of, site_lines

PYTHON2 = os.path.join(FIXTURES, "python2")
NAMES = sorted(os.listdir(PYTHON2))
JOB = RunOptions(providers.resolve(None))
TOKEN = "pat-na1-python2-token"
LEGACY_KEY = "legacy-portal-key-0002"


def read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def migrate(data: bytes, path: str = "before.py"):
    return codemod.process_source(path, data, JOB)


@pytest.mark.parametrize("name", NAMES)
def test_golden(name, update_goldens):
    folder = os.path.join(PYTHON2, name)
    before = read(os.path.join(folder, "before.py"))
    assert not roundtrip.round_trips(before)  # LibCST alone cannot take it
    result = migrate(before)
    assert result.error is None
    after = result.new if result.new is not None else before
    if update_goldens:
        with open(os.path.join(folder, "after.py"), "wb") as handle:
            handle.write(after)
        with open(os.path.join(folder, "sites.txt"), "w") as handle:
            handle.write(site_lines(result))
    assert after == read(os.path.join(folder, "after.py"))
    assert site_lines(result) == read(os.path.join(folder, "sites.txt")).decode()
    assert python2.parses(after)
    assert not any(s.status == Status.UNPARSED for s in result.sites)


@pytest.mark.parametrize("name", NAMES)
def test_golden_is_idempotent(name):
    after = read(os.path.join(PYTHON2, name, "after.py"))
    again = migrate(after, "after.py")
    assert again.new is None
    assert not [s for s in again.sites if s.status == Status.REWRITE]


@pytest.mark.parametrize("name", NAMES)
def test_the_python2_rewrite_is_the_python3_one(name):
    """Carried onto the Python 2 text, the changes are those the codemod makes
    on the same code written the Python 3 way (in its Python 2 style): the
    normalised result is exactly that migration."""
    before = read(os.path.join(PYTHON2, name, "before.py"))
    norm = python2.normalise(before)
    assert norm is not None
    py3 = codemod._process("same.py", norm.text, JOB, python2=True)
    result = migrate(before)
    if result.new is None:  # left for a person: the Python 3 form changes a line
        changed = [
            i
            for i, (a, b) in enumerate(
                zip(norm.lines, (py3.new or norm.text).splitlines(keepends=True))
            )
            if a != b
        ]
        assert any(i in norm.altered for i in changed) or not changed
        return
    assert python2.normalise(result.new).text == py3.new
    assert [(s.line, s.status) for s in result.sites] == [
        (s.line, s.status) for s in py3.sites
    ]


def test_a_line_the_rewrite_cannot_take_suggests_its_replacement():
    before = read(os.path.join(PYTHON2, "print_on_the_call", "before.py"))
    result = migrate(before)
    assert result.new is None
    first, second = result.sites
    assert first.status == second.status == Status.MANUAL
    assert "line 6, which is a Python 2 print statement" in first.reason
    assert first.reason.endswith(
        'write: print requests.get("https://api.hubapi.com/owners/v2/owners", '
        'headers={"Authorization": "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]}).json()'
    )  # still a print statement: Python 2
    assert "line 6 needs a person" in second.reason


def test_a_suggestion_never_shows_a_key():
    key = "5ac1b6a2-1f7e-4c2b-9d3a-2f0e8c7b6a51"
    source = (
        "import requests\n"
        f'print requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + "{key}").json(), "{key}"\n'
    ).encode()
    result = migrate(source)
    assert result.new is None
    assert all(key not in s.reason for s in result.sites)
    assert any(s.status == Status.MANUAL for s in result.sites)


@pytest.mark.parametrize(
    "line, normal, reason",
    [
        ('print "a", b\n', 'print( "a", b)\n', python2.PRINT),
        ("print >>f, b,\n", "print( f, b,)\n", python2.PRINT),
        ("print\n", "print()\n", python2.PRINT),
        ("print (b)\n", "print (b)\n", None),  # a call in Python 3 too
        ("exec code in ns\n", "exec( code, ns)\n", python2.EXEC),
        ("raise E, v\n", "raise E( v)\n", python2.RAISE),
        ("x = `a` + 0777 + 10L\n", "x = repr(a) + 0o777 + 10\n", python2.BACKQUOTES),
        ('x = ur"\\d"\n', 'x = r"\\d"\n', python2.STRING),
        ("x = a <> b\n", "x = a != b\n", python2.NOT_EQUAL),
        ('print "`a`", `b`\n', 'print( "`a`", repr(b))\n', python2.BACKQUOTES),
    ],
)
def test_python2_statements_are_written_the_python3_way(line, normal, reason):
    norm = python2.normalise(line.encode())
    if reason is None:
        assert norm is None or norm.text == line.encode()
        return
    assert norm is not None
    assert norm.text == normal.encode()
    assert norm.altered == {0: reason}
    assert roundtrip.round_trips(norm.text)


def test_except_comma_and_lines_keep_their_numbers():
    source = b"try:\n    f()\nexcept IOError, e:\n    print e\nx = 1\n"
    norm = python2.normalise(source)
    assert norm.text == b"try:\n    f()\nexcept IOError as e:\n    print( e)\nx = 1\n"
    assert sorted(norm.altered) == [2, 3]


def test_python3_only_constructs_are_not_python2():
    assert python2.parses(b'print "x"\nh = dict(a or {}, b=1)\n')
    assert not python2.parses(b"h = {**a, 'b': 1}\n")
    assert not python2.parses(b'u = f"{a}"\n')
    assert not python2.parses(b"a, *b = c\n")
    assert not python2.parses(b"print(x, file=f)\nprint y\n")  # not one grammar


def test_unparsable_python2_stays_unparsed():
    result = migrate(b'print "x"\ndef f((a, b):\n    return "?hapikey=" + K\n')
    assert [s.status for s in result.sites] == [Status.UNPARSED]


def _python2() -> str | None:
    """A Python 2 interpreter, if one is installed (pyenv's, or on PATH)."""
    candidates = sorted(
        glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/bin/python2.7"))
    )
    candidates += [p for p in (shutil.which("python2.7"), shutil.which("python2")) if p]
    for path in candidates:
        try:
            ran = subprocess.run(
                [path, "-c", "import sys; assert sys.version_info[0] == 2"],
                capture_output=True,
                timeout=30,
            )
        except OSError:
            continue
        if ran.returncode == 0:
            return path
    return None


PYTHON2_BIN = _python2()


def _run_python2(script, standin: StandIn) -> subprocess.CompletedProcess:
    env = dict(
        os.environ,
        HUBSPOT_BASE_URL=standin.url,
        HUBSPOT_ACCESS_TOKEN=TOKEN,
        HUBSPOT_API_KEY=LEGACY_KEY,
    )
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONHOME", None)
    return subprocess.run(
        [PYTHON2_BIN, str(script)], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.mark.skipif(PYTHON2_BIN is None, reason="no Python 2 interpreter installed")
def test_the_migrated_python2_script_sends_the_token_with_urllib2(tmp_path):
    folder = os.path.join(PYTHON2, "urllib2_script")
    before, after = tmp_path / "before.py", tmp_path / "after.py"
    shutil.copy(os.path.join(folder, "before.py"), before)
    after.write_bytes(migrate(before.read_bytes()).new)
    with StandIn(TOKEN, "developer-key") as standin:
        old = _run_python2(before, standin)
    assert old.returncode != 0 and "HubSpot said 401" in old.stderr  # refused
    assert standin.seen[0].hapikey == LEGACY_KEY
    with StandIn(TOKEN, "developer-key") as standin:
        new = _run_python2(after, standin)
    assert new.returncode == 0, new.stderr
    assert new.stdout == "deals: 0\ncontacts: 0\n"
    assert [(s.method, s.path, s.query) for s in standin.seen] == [
        ("GET", "/deals/v1/deal/paged", {}),
        (
            "GET",
            "/contacts/v1/lists/recently_updated/contacts/recent",
            {"count": ["5"]},
        ),
    ]
    for seen in standin.seen:
        assert seen.authorization == f"Bearer {TOKEN}"
        assert seen.hapikey is None


def test_a_rewrite_with_code_only_python3_has_is_not_carried():
    """The safety net: should the codemod ever produce ``{**h}`` for a Python 2
    file, the file stays as it is and its rewrites are manual."""
    before = b'import requests\nr = requests.get(URL + "?hapikey=" + K, headers=h)\nprint r\n'
    norm = python2.normalise(before)
    migrated = norm.text.replace(b"headers=h", b'headers={**h, "Authorization": T}')
    migrated = migrated.replace(b' + "?hapikey=" + K', b"")
    site = Site("x.py", 2, 18, 2, 40, Kind.URL, Status.REWRITE)
    result = roundtrip.finish(
        before, norm, FileResult("x.py", (site,), original=norm.text, new=migrated)
    )
    assert result.new is None
    [left] = result.sites
    assert left.status == Status.MANUAL and "only Python 3 has" in left.reason


PATTERNS = os.path.join(FIXTURES, "patterns")


@pytest.mark.parametrize("name", sorted(os.listdir(PATTERNS)))
def test_every_pattern_with_a_python2_statement_migrates_in_python2_style(name):
    """A pattern's module with a Python 2 print statement added at its end
    migrates as the pattern does in the codemod's Python 2 style, the print
    statement kept; or, where the result would need code only Python 3 has
    (an f-string pattern), stays as it is with no rewrite."""
    with open(os.path.join(PATTERNS, name, "before.py"), "rb") as handle:
        source = handle.read()
    options = options_of(name)
    added = b'\nprint "done", `1`\n'
    clean = codemod._sliced("before.py", source, options, python2=True)
    result = codemod.process_source("before.py", source + added, options)
    assert result.error is None
    if clean.new is not None and python2.parses(clean.new + added):
        assert result.new == clean.new + added
        assert [(s.line, s.status) for s in result.sites] == [
            (s.line, s.status) for s in clean.sites
        ]
    else:
        assert result.new is None
        assert Status.REWRITE not in {s.status for s in result.sites}
