"""Valid Python 3 that LibCST will not reproduce byte for byte (issue #12, item
6): normalised, migrated, and the changes carried back onto the file's own bytes.

Each shape decorates a clean module (CR-only line ends, form feeds, whitespace
after the last line): the migration of the decorated file must be exactly the
decorated migration of the clean one, with the same sites. Files too deep for
Python's parser take the outline path (in a process of their own: LibCST's
parser crashes the process it runs in on such a file).
"""

from __future__ import annotations

import os
import subprocess
import sys

import libcst as cst
import pytest

from hapimigrate.model import Status
from hapimigrate.python import module as codemod
from hapimigrate.python import roundtrip
from tests.conftest import FIXTURES, migrate
from tests.test_patterns import options_of

CLEAN = b'''"""Owners and deals."""
import requests

API_KEY = "5ac1b6a2-1f7e-4c2b-9d3a-2f0e8c7b6a51"


def helper(items):
    total = 0
    for item in items:
        total += item
    return total


def owners():
    return requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY).json()


def deals(headers):
    url = "https://api.hubapi.com/deals/v1/deal/paged?hapikey=" + API_KEY
    return requests.get(url, headers=headers).json()
'''

SHAPES = {
    "CR-only line ends": lambda s: s.replace(b"\n", b"\r"),
    "a form feed before a definition": lambda s: s.replace(
        b"\n\ndef owners", b"\n\n\x0cdef owners"
    ),
    "a form feed in an indentation": lambda s: s.replace(
        b"\n    total = 0", b"\n\x0c    total = 0"
    ),
    "a form feed at the start": lambda s: b"\x0c" + s,
    "whitespace after the last line": lambda s: s + b"  \n \t",
    "all of them": lambda s: b"\x0c"
    + s.replace(b"\n    total = 0", b"\n  \x0c    total = 0").replace(b"\n", b"\r")
    + b"   ",
}


def _lossy(data: bytes) -> bool:
    try:
        return cst.parse_module(data).bytes != data
    except cst.ParserSyntaxError:
        return True


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_decorated_file_migrates_as_the_clean_one(shape):
    decorate = SHAPES[shape]
    data = decorate(CLEAN)
    assert _lossy(data)  # LibCST alone cannot take it
    clean, result = migrate(CLEAN), migrate(data)
    assert result.error is None
    assert result.new == decorate(clean.new)
    assert [(s.line, s.column, s.kind, s.status, s.reason) for s in result.sites] == [
        (s.line, s.column, s.kind, s.status, s.reason) for s in clean.sites
    ]
    assert result.removed_keys == clean.removed_keys
    again = migrate(result.new)
    assert again.new is None  # idempotent


def test_a_change_on_a_line_with_a_form_feed_is_left_with_the_line_to_write():
    data = CLEAN.replace(b"\n    return requests.get", b"\n\x0c    return requests.get")
    result = migrate(data)
    assert result.new is None
    [owners] = [s for s in result.sites if s.line == 15]
    assert owners.status == Status.MANUAL
    assert owners.column == 26  # on the file's own line (the feed counts)
    assert "line 15, which has a form feed in its indentation" in owners.reason
    assert owners.reason.endswith(
        'write: return requests.get("https://api.hubapi.com/owners/v2/owners", '
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}).json()'
    )
    others = [s for s in result.sites if s.line != 15]
    assert others and all(s.status != Status.REWRITE for s in others)
    assert not result.removed_keys


def test_a_string_is_never_normalised():
    data = (b'T = """\n\x0c  a\n"""\n' + CLEAN).replace(b"\n", b"\r")
    norm = roundtrip.normalise(data)
    assert norm is not None
    assert norm.text.startswith(b'T = """\n\x0c  a\n"""\n')  # the string kept
    assert 1 not in norm.altered
    result = migrate(data)
    assert b'\rT = """\r\x0c  a\r"""\r' in result.new


@pytest.mark.parametrize(
    "base, ours, theirs, merged",
    [
        ("print( x)", "print x", "print( y)", "print y"),
        (
            "    a = f(k)",
            "\x0c    a = f(k)",
            "    a = f(k, h=1)",
            "\x0c    a = f(k, h=1)",
        ),
        ("a b", "a c", "a d", None),  # the same characters
        ("ab", "aXb", "aYb", None),  # two insertions at one place
    ],
)
def test_merge3(base, ours, theirs, merged):
    assert roundtrip.merge3(base, ours, theirs) == merged


def test_transplant_keeps_the_line_ends_of_the_lines_it_replaces():
    data = b"import requests\r\nK = 1\nx = 2\r"
    norm = roundtrip.Normalised(
        b"import requests\nK = 1\nx = 2\n", tuple(data.splitlines(True)), {}
    )
    moved = roundtrip.transplant(norm, b"import os\nimport requests\nK = 2\nx = 2\n")
    assert moved.new == b"import os\r\nimport requests\r\nK = 2\nx = 2\r"


DEEP_SCRIPT = """
import sys
from hapimigrate import providers
from hapimigrate.model import RunOptions
from hapimigrate.run import process_file
result = process_file(sys.argv[1], RunOptions(providers.resolve(None)))
print(result.error, [(s.line, s.status.value, s.reason) for s in result.sites])
sys.stdout.write(repr(result.changed))
"""

HEAD = (
    b"import requests\nAPI_KEY = 'x'\n\n\ndef owners():\n"
    b'    return requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY)\n'
)


def _deep(pieces: int) -> bytes:
    return b"topics = 'a'" + b"".join(b" + 'p%d'" % i for i in range(pieces)) + b"\n"


def _run(path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", DEEP_SCRIPT, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_file_too_deep_for_the_parser_takes_the_outline_path(tmp_path):
    path = tmp_path / "topics.py"
    path.write_bytes(HEAD + b"\n" * 60 + _deep(15_000))
    ran = _run(path)
    assert ran.returncode == 0, ran.stderr  # not a crash
    assert ran.stdout == "None [(6, 'rewrite', '')]\nTrue"


def test_a_key_use_inside_a_too_deep_statement_is_reported_not_parsed(tmp_path):
    path = tmp_path / "deep.py"
    path.write_bytes(
        HEAD.replace(
            b"API_KEY)", b"API_KEY + " + _deep(15_000).split(b"= ")[1][:-1] + b")"
        )
    )
    ran = _run(path)
    assert ran.returncode == 0, ran.stderr
    assert "'unparsed', 'too deeply nested to parse'" in ran.stdout
    assert ran.stdout.endswith("False")


def test_a_line_libcst_writes_back_otherwise_is_kept_as_written():
    """LibCST drops the space in ``except (A, B) :``: that line is kept as the
    file has it, the rest migrates; a change on it is manual, with the line."""
    head = b"import requests\ntry:\n    x = 1\nexcept (ValueError, KeyError) :"
    call = b'requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + K)'
    result = migrate(head + b"\n    pass\n" + call + b"\n")
    assert b"except (ValueError, KeyError) :\n" in result.new
    assert b"hapikey" not in result.new
    left = migrate(head + b" " + call + b"\n")
    assert left.new is None
    [site] = left.sites
    assert site.status == Status.MANUAL
    assert "line 4, which is written in a way LibCST cannot reproduce" in site.reason
    assert site.reason.endswith(
        'write: except (ValueError, KeyError) : requests.get("https://api.hubapi.com/'
        'owners/v2/owners", headers={"Authorization": "Bearer " + '
        'os.environ["HUBSPOT_ACCESS_TOKEN"]})'
    )


PATTERNS = os.path.join(FIXTURES, "patterns")


@pytest.mark.parametrize("name", sorted(os.listdir(PATTERNS)))
def test_every_pattern_written_with_cr_line_ends_migrates_the_same(name):
    with open(os.path.join(PATTERNS, name, "before.py"), "rb") as handle:
        source = handle.read()
    options = options_of(name)
    clean = codemod.process_source("before.py", source, options)
    cr = codemod.process_source("before.py", source.replace(b"\n", b"\r"), options)
    expected = clean.new.replace(b"\n", b"\r") if clean.new is not None else None
    assert cr.new == expected
    assert [(s.line, s.column, s.status, s.reason) for s in cr.sites] == [
        (s.line, s.column, s.status, s.reason) for s in clean.sites
    ]
