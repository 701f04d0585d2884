"""The last check of a rewrite: it leaves no name the new code reads unbound.

Each pass proves its own edit, but one pass's removal can take away what
another's insertion reads: a definition deleted as "nothing reads it any more"
(``hubspotApiKey = sys.argv[3]``, once its ``.format`` argument is cut) while
the header now sends it (``"Bearer " + hubspotApiKey``). The program then dies
with ``NameError`` at the request. The check compares the module's global
names read but bound nowhere (not a builtin), before and after, with the
compiler's symbol tables (``_symtable``, what ``symtable`` reads): a name that only the rewrite leaves unbound
is a rewrite that must not be written. Modules whose names cannot all be seen
(``from x import *``, ``globals()``, ``__getattr__``), and modules over 2 MB
(generated code: seconds of the compiler's time), are not judged.
"""

from __future__ import annotations

import _symtable
import builtins
import re

_UNSEEN = re.compile(r"\bimport\s+\*|\bglobals\s*\(|\b__getattr__\b|\bvars\s*\(")
_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__"}
_BUILTINS |= {
    "__builtins__",
    "__loader__",
    "__package__",
    "__path__",
    "__annotations__",
}
# the compiler's tables of a module this big take seconds (generated code):
# there the passes' own proofs stand alone
_LARGEST = 2_000_000
_BOUND = _symtable.DEF_LOCAL | _symtable.DEF_IMPORT | _symtable.DEF_PARAM
_GLOBAL = (_symtable.GLOBAL_IMPLICIT, _symtable.GLOBAL_EXPLICIT)


def lost(original: str, new: str) -> frozenset[str]:
    """The global names the new text reads but binds nowhere, which the
    original text bound (or never read unbound); empty when not judged."""
    if len(new) > _LARGEST or _UNSEEN.search(original) or _UNSEEN.search(new):
        return frozenset()
    before, after = _unbound(original), _unbound(new)
    if before is None or after is None:
        return frozenset()
    return frozenset(after - before)


def _unbound(text: str) -> set[str] | None:
    """The global names read and bound nowhere; read from the compiler's raw
    tables (``symtable``'s objects look every symbol up among all the
    children: quadratic on a module of thousands of functions)."""
    try:
        top = _symtable.symtable(text, "<module>", "exec")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    bound = {name for name, flags in top.symbols.items() if flags & _BOUND}
    read: set[str] = set()
    stack = [top]
    while stack:
        table = stack.pop()
        stack.extend(table.children)
        for name, flags in table.symbols.items():
            if not flags & _symtable.USE:
                continue
            scope = (flags >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
            if table is top or scope in _GLOBAL:
                read.add(name)
    return read - bound - _BUILTINS
