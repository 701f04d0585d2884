"""Dataclasses' compiled methods cached (issue #15 item 16): LibCST and the
codemod imported with the cache make the same classes and methods as a plain
import; the cache is written like bytecode (not under PYTHONDONTWRITEBYTECODE)
and, once written, used; so is the CLI's."""

from __future__ import annotations

import json
import os
import subprocess
import sys

# Prints, for every method dataclasses generated for LibCST's classes, what its
# code is made of; and how many methods had to be compiled during the import.
DUMP = """
import builtins, json, sys
compiled = 0
real = builtins.compile
def counting(source, filename, *args, **kwargs):
    global compiled
    if isinstance(source, str) and source.startswith("def __create_fn__("):
        compiled += 1
    return real(source, filename, *args, **kwargs)
builtins.compile = counting
if sys.argv[1] == "cached":
    from hapimigrate import dataclass_cache
    dataclass_cache.import_codemod()
else:
    import libcst.metadata
    import dataclasses
    compiled = -1  # dataclasses compiles through exec, uncounted here
builtins.compile = real
import libcst
methods = {}
for name in sorted(dir(libcst)):
    cls = getattr(libcst, name)
    if not isinstance(cls, type) or not hasattr(cls, "__dataclass_fields__"):
        continue
    for attribute, value in sorted(vars(cls).items()):
        code = getattr(value, "__code__", None)
        if code is None or code.co_filename != "<string>":
            continue
        methods[f"{name}.{attribute}"] = [
            code.co_code.hex(), repr(code.co_consts), code.co_names,
            code.co_varnames, code.co_freevars, code.co_flags, code.co_argcount,
            code.co_kwonlyargcount, code.co_qualname, repr(value.__defaults__),
            repr(value.__kwdefaults__), sorted(value.__annotations__),
        ]
print(json.dumps({"compiled": compiled, "methods": methods}))
"""


def _dump(mode: str, prefix: str, write: bool) -> dict:
    env = dict(os.environ, PYTHONPYCACHEPREFIX=prefix)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", DUMP, mode],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout)


def _cache_files(prefix: str) -> list[str]:
    return [
        name
        for _, _, names in os.walk(prefix)
        for name in names
        if name.startswith("dataclasses-codemod.")
    ]


def test_the_cached_import_makes_the_methods_a_plain_import_makes(tmp_path):
    prefix = str(tmp_path / "pycache")
    plain = _dump("plain", prefix, write=True)
    assert len(plain["methods"]) > 500  # __init__, __eq__, __repr__, ...
    assert _cache_files(prefix) == []  # a plain import writes no cache
    first = _dump("cached", prefix, write=True)
    assert first["compiled"] >= len(plain["methods"])  # the cache was empty
    assert _cache_files(prefix) != []
    second = _dump("cached", prefix, write=True)
    assert second["compiled"] == 0  # all from the cache
    assert first["methods"] == second["methods"] == plain["methods"]


def test_the_cache_is_read_not_written_under_pythondontwritebytecode(tmp_path):
    prefix = str(tmp_path / "pycache")
    unwritten = _dump("cached", prefix, write=False)
    assert unwritten["compiled"] > 500 and _cache_files(prefix) == []
    _dump("cached", prefix, write=True)
    read = _dump("cached", prefix, write=False)
    assert read["compiled"] == 0
    assert read["methods"] == unwritten["methods"]


def test_a_damaged_cache_is_compiled_again(tmp_path):
    prefix = str(tmp_path / "pycache")
    _dump("cached", prefix, write=True)
    (name,) = _cache_files(prefix)
    (where,) = [
        os.path.join(folder, name)
        for folder, _, names in os.walk(prefix)
        if name in names
    ]
    with open(where, "r+b") as handle:
        handle.truncate(1000)
    again = _dump("cached", prefix, write=True)
    assert again["compiled"] > 500
    assert _dump("cached", prefix, write=True)["compiled"] == 0


CLI = """
import builtins, sys
compiled = 0
real = builtins.compile
def counting(source, filename, *args, **kwargs):
    global compiled
    if isinstance(source, str) and source.startswith("def __create_fn__("):
        compiled += 1
    return real(source, filename, *args, **kwargs)
builtins.compile = counting
import hapimigrate.cli
from hapimigrate.model import Site
print(compiled, Site.__init__.__code__.co_varnames[:3])
"""


def test_the_cli_s_records_are_made_from_the_cache_once_written(tmp_path):
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(tmp_path))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = [
        subprocess.run(
            [sys.executable, "-c", CLI], capture_output=True, text=True, env=env
        ).stdout.split(" ", 1)
        for _ in range(2)
    ]
    assert int(runs[0][0]) > 50 and int(runs[1][0]) == 0
    assert runs[0][1] == runs[1][1]
