"""Imports nothing reads: no sign of another way to authenticate.

A function (or a script) that imports an OAuth library it never uses sends no
other credential::

    def deposit_integration_check():
        from oauth2client.service_account import ServiceAccountCredentials
        ...
        querystring = {"hapikey": hs_api_key}
        requests.request("PATCH", url, headers=headers, params=querystring)

``ServiceAccountCredentials`` is read nowhere: the import runs a module and
binds a name, and no request can carry what that name would have made. Its
text (``oauth2client``) is no OAuth mode beside the key, so
:mod:`hapimigrate.analysis.other_auth` clears it from the code it looks at.

Only ``from X import Y`` is cleared, when no name it binds has a reference
anywhere in its scope, nested functions included (LibCST's scope analysis). A
plain ``import X`` read by nothing is how a module is loaded for what it does
on import (a patch of ``requests`` adding a header?): it stays a sign, as does
a star import. The caller gives only a function's nodes or a script's (nobody
imports a script's names).
"""

from __future__ import annotations

from typing import Iterable

import libcst as cst

from hapimigrate.python.context import ModuleContext


def unread(ctx: ModuleContext, nodes: Iterable[cst.CSTNode]) -> set[int]:
    """The ids of the import statements among ``nodes`` each of whose bound
    names nothing reads."""
    return {
        id(node)
        for node in nodes
        if isinstance(node, cst.ImportFrom) and _unread(ctx, node)
    }


def _unread(ctx: ModuleContext, statement: cst.ImportFrom) -> bool:
    if isinstance(statement.names, cst.ImportStar):
        return False
    scope = ctx.lexical_scope(statement)
    if scope is None:
        return False
    names = _bound_names(statement)
    if not names:
        return False
    for name in names:
        bindings = [
            a for a in scope.assignments[name] if getattr(a, "node", None) is statement
        ]
        if not bindings:
            return False  # not bound where LibCST says: not proven unread
        if any(binding.references for binding in bindings):
            return False
    return True


def _bound_names(statement: cst.ImportFrom) -> list[str]:
    """The names a ``from`` import binds: ``from a import b`` binds ``b``,
    ``from a import b as c`` binds ``c``."""
    names = statement.names
    assert not isinstance(names, cst.ImportStar)
    bound = []
    for alias in names:
        if alias.asname is not None:
            target = alias.asname.name
            if not isinstance(target, cst.Name):
                return []
            bound.append(target.value)
        elif isinstance(alias.name, cst.Name):
            bound.append(alias.name.value)
        else:
            return []
    return bound
