"""Dataclasses' generated methods, compiled once and kept like bytecode.

``@dataclass`` writes the source of a class's ``__init__``, ``__eq__``,
``__repr__``, ``__setattr__``... and compiles it, on every import. LibCST's
~200 node classes make about 1,000 such methods: some 90 ms of the 150 ms its
import takes; the CLI's own records about 200 more. The compiled code depends
only on that source, so here it is kept in a file beside this package's
bytecode (its ``__pycache__``, or under ``PYTHONPYCACHEPREFIX``), keyed by the
source, and compiled only when missing. Like bytecode, the file is read but
not written under ``PYTHONDONTWRITEBYTECODE`` (or ``-B``), nor where the folder
is read-only: there the methods are compiled every time, as shipped.

``dataclasses`` compiles each method with ``exec(source, globals, namespace)``;
within :func:`cached` only, ``dataclasses`` is given its own ``exec``, which
takes the code from the cache (compiled as ``dataclasses`` would: with no
``__future__`` flags), then runs the builtin one. The classes and methods made
are the same (``tests/test_dataclass_cache.py`` compares them with those of a
plain import).
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from contextlib import contextmanager
from typing import Any, Iterator

# bound once: the cache is not one of the files a run writes, whatever a caller
# does to os.replace (tests/test_kill.py counts the writes of `apply` through it)
_replace = os.replace


def cache_file(name: str) -> str | None:
    """Where the compiled methods of ``name`` are kept (None: an interpreter
    without bytecode caching)."""
    tag = sys.implementation.cache_tag
    if not tag:
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    prefix = getattr(sys, "pycache_prefix", None)
    if prefix:  # PYTHONPYCACHEPREFIX: the tree of this folder under the prefix
        folder = os.path.join(prefix, os.path.splitdrive(here)[1].lstrip(os.sep))
    else:
        folder = os.path.join(here, "__pycache__")
    # the compiled code depends on the interpreter, and on -O
    return os.path.join(folder, f"dataclasses-{name}.{tag}.opt{sys.flags.optimize}")


@contextmanager
def cached(name: str) -> Iterator[None]:
    """Within the block, dataclasses made take their methods' compiled code
    from the cache ``name``; the methods compiled for want of it are added."""
    import dataclasses

    where = cache_file(name)
    if where is None or hasattr(dataclasses, "exec") or _future_flags(dataclasses):
        yield  # nothing to cache, another cache active, or not as shipped
        return
    known = _load(where)
    made: dict[str, Any] = {}

    def cached_exec(source: Any, globals: Any = None, locals: Any = None) -> None:
        if type(source) is str:
            code = known.get(source)
            if code is None:
                code = made[source] = compile(
                    source, "<string>", "exec", dont_inherit=True
                )
            source = code
        builtins.exec(source, globals, locals)

    dataclasses.exec = cached_exec  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
    if made and not sys.dont_write_bytecode:  # read, not written, as bytecode
        _store(where, {**known, **made})


def import_codemod() -> None:
    """Import LibCST and the codemod (the fixers) with the cache, once."""
    if "hapimigrate.python.module" in sys.modules:
        return
    with cached("codemod"):
        import libcst.metadata  # noqa: F401

        from hapimigrate.fixers import registry
        from hapimigrate.python import module  # noqa: F401

        registry.all_fixers()


def _load(where: str) -> dict[str, Any]:
    """The cache at ``where`` ({} if missing or unreadable). Read whole, then
    unmarshalled: ``marshal.load`` on a file reads it a few bytes at a time
    (42 ms for LibCST's 0.9 MB, against 4 ms)."""
    try:
        with open(where, "rb") as handle:
            known = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return known if type(known) is dict else {}


def _future_flags(module: Any) -> int:
    """The ``__future__`` flags ``module`` is compiled with (none for
    ``dataclasses`` as shipped): its methods' source is compiled with them."""
    import __future__

    flags = 0
    for name in __future__.all_feature_names:
        flags |= getattr(__future__, name).compiler_flag
    code = getattr(getattr(module, "dataclass", None), "__code__", None)
    return code.co_flags & flags if code is not None else flags


def _store(where: str, codes: dict[str, Any]) -> None:
    """Write the cache whole, atomically (other processes may be reading it)."""
    temporary = f"{where}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(where), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(marshal.dumps(codes))
        _replace(temporary, where)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
