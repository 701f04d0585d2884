"""Which module takes a module-level dict whose entry holds the key.

    # inputs.py
    params = {'hapikey': 'demo'}
    kwargs = {'base': base, 'params': params, 'offset': 0}

    # hubspot.py
    from inputs import kwargs
    ...
    requests.get(url, params=self.params)   # self.params = kwargs['params']

The key flows into ``kwargs['params']``, and what sends it is another module:
the per-module flow stops at the dict entry. This module only names that
module for the reason a person reads ("hubspot.py imports kwargs"); it proves
nothing and migrates nothing.
"""

from __future__ import annotations

import os
import re

import libcst as cst

from hapimigrate import tree_imports
from hapimigrate.python.context import ModuleContext

_MOST_FILES = 2000  # a reason's search: no walk of a whole disk


def entry_holder(ctx: ModuleContext, element: cst.DictElement) -> str:
    """`` (kwargs['params'], imported by hubspot.py)`` for an entry of a
    module-level ``kwargs = {...}`` another module of the project imports;
    `` (kwargs['params'])`` when none does; "" for any other entry."""
    display = ctx.parent(element)
    target = _module_level_name(ctx, display)
    if target is None:
        return ""
    key = element.key
    entry = (
        f"{target}[{key.evaluated_value!r}]"
        if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str)
        else target
    )
    importer = _importer(ctx.path, target)
    if importer:
        return f" ({entry}, imported by {importer})"
    return f" ({entry})"


def _module_level_name(ctx: ModuleContext, display: cst.CSTNode | None) -> str | None:
    """``kwargs`` of a top-level ``kwargs = {...}`` holding ``display``."""
    if not isinstance(display, cst.Dict):
        return None
    holder = ctx.parent(display)
    line = ctx.parent(holder) if isinstance(holder, cst.Assign) else None
    if not (
        isinstance(holder, cst.Assign)
        and len(holder.targets) == 1
        and isinstance(holder.targets[0].target, cst.Name)
        and any(s is line for s in ctx.module.body)
    ):
        return None
    return holder.targets[0].target.value


def _importer(path: str, name: str) -> str:
    """The first other file of the project (the module's top package and the
    files beside it) whose import lines take ``name`` from the module at
    ``path`` (``from inputs import kwargs``, ``import inputs``); as a path
    relative to that folder, or ""."""
    own = os.path.abspath(path)
    if not os.path.isfile(own):
        return ""
    stem = os.path.splitext(os.path.basename(own))[0].encode()
    folder = os.path.dirname(own)
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder = os.path.dirname(folder)
    takes = re.compile(
        rb"^[ \t]*(?:from[ \t]+[\w.]*\b"
        + re.escape(stem)
        + rb"[ \t]+import\b[^\n]*\b"
        + re.escape(name.encode())
        + rb"\b|import[ \t]+[^\n]*\b"
        + re.escape(stem)
        + rb"\b)",
        re.MULTILINE,
    )
    seen = 0
    for top, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for each in sorted(files):
            candidate = os.path.join(top, each)
            if not each.endswith(".py") or candidate == own:
                continue
            seen += 1
            if seen > _MOST_FILES:
                return ""
            if takes.search(tree_imports.read(candidate)):
                return os.path.relpath(candidate, folder)
    return ""
