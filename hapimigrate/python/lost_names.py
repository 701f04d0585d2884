"""The last check of a rewrite: it leaves no name the new code reads unbound.

Each pass proves its own edit, but one pass's removal can take away what
another's insertion reads: a definition deleted as "nothing reads it any more"
(``hubspotApiKey = sys.argv[3]``, once its ``.format`` argument is cut) while
the header now sends it (``"Bearer " + hubspotApiKey``). The program then dies
with ``NameError`` at the request. The check compares the module's global
names read but bound nowhere (not a builtin), before and after, with the
standard library's ``symtable``: a name that only the rewrite leaves unbound
is a rewrite that must not be written. Modules whose names cannot all be seen
(``from x import *``, ``globals()``, ``__getattr__``) are not judged.
"""

from __future__ import annotations

import builtins
import re
import symtable

_UNSEEN = re.compile(r"\bimport\s+\*|\bglobals\s*\(|\b__getattr__\b|\bvars\s*\(")
_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__"}
_BUILTINS |= {
    "__builtins__",
    "__loader__",
    "__package__",
    "__path__",
    "__annotations__",
}


def lost(original: str, new: str) -> frozenset[str]:
    """The global names the new text reads but binds nowhere, which the
    original text bound (or never read unbound); empty when not judged."""
    if _UNSEEN.search(original) or _UNSEEN.search(new):
        return frozenset()
    before, after = _unbound(original), _unbound(new)
    if before is None or after is None:
        return frozenset()
    return frozenset(after - before)


def _unbound(text: str) -> set[str] | None:
    try:
        table = symtable.symtable(text, "<module>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    bound = {
        s.get_name()
        for s in table.get_symbols()
        if s.is_assigned() or s.is_imported() or s.is_namespace()
    }
    read: set[str] = set()
    stack = [table]
    while stack:
        current = stack.pop()
        stack.extend(current.get_children())
        for symbol in current.get_symbols():
            if not symbol.is_referenced():
                continue
            if current is table or symbol.is_global():
                read.add(symbol.get_name())
            elif current.get_type() == "class" and not (
                symbol.is_assigned() or symbol.is_imported() or symbol.is_namespace()
            ):
                read.add(symbol.get_name())  # a class body reads globals too
    return read - bound - _BUILTINS
