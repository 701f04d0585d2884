"""Small answers about where a key's value and a request's host come from,
for the origin walk (:mod:`hapimigrate.analysis.origins`), the decision and
the request fixers:

- :func:`object_itself`: ``self`` (``cls``) of a method is the object the
  method is called on, never a credential a caller hands in
  (``self.api_key = self.load_key()`` reads what the class does);
- :func:`set_elsewhere`: how a reason names ``self.source_conn`` that the
  module never sets (a base class of another module sets it);
- :func:`caller_read`: how a rewrite's reason names a caller's credential
  read out of what the caller passes (``config of __init__() (read from its
  ["api_key"])``);
- :func:`settled_host` and :func:`after_host`: a URL whose HubSpot host is
  fixed by its own literal text (``"https://api.hubapi.com/x?hapikey=" +
  self.api_key``), so that what fills it after the host, the key or a path
  piece, can take the request nowhere else.

A key read out of a constructor's mapping that defaults to a name imported
from a module outside the tree (``def __init__(self, config=HUBSPOT)``), and
an Airflow hook's ``self.get_connection(conn_id)``, are not decided here: no
proof that one portal's key is stored there (another module may write each
tenant's key into the mapping, the "settings" may be ``os.environ``, the hook
may define its own ``get_connection`` reading tenants' keys from a database),
so the walk leaves them manual, as a caller's or a configured default.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.python.context import ModuleContext

if TYPE_CHECKING:
    from hapimigrate.analysis.origins import Origin

# "https://api.hubapi.com/" or "https://api.hubapi.com?": the authority is
# written out and closed by the literal text itself, no field inside it
_CLOSED_AUTHORITY = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#{}@]+)[/?]", re.I)


def settled_host(template: str) -> str | None:
    """The HubSpot API host a URL template names in its own leading literal
    text, its authority closed by a ``/`` or ``?`` before any field (a field
    after that is a path or a query, never the host); None otherwise."""
    match = _CLOSED_AUTHORITY.match(template)
    if match is None:
        return None
    where = hubspot.host(template)
    if where is None or not hubspot.takes_tokens(where):
        return None
    return where


def after_host(template: str) -> frozenset[str]:
    """The fields of a URL template whose host is settled (:func:`settled_host`):
    each lies after the authority, so what fills it (``{api_key}`` of
    ``self.api_key``) cannot change the host; none when it is not settled."""
    if settled_host(template) is None:
        return frozenset()
    return frozenset(re.findall(r"\{(\w+)\}", template))


def caller_read(origin: Origin) -> str:
    """A caller's credential as a rewrite's reason names it: the parameter, and
    the field the key is read from out of what the caller passes (``config of
    __init__() (read from its ['api_key'])``), never a value."""
    if not origin.container:
        return origin.parameter
    return f"{origin.parameter} (read from its {origin.container})"


def object_itself(ctx: ModuleContext, param: cst.Param) -> str | None:
    """``self`` (``cls``) of a method: the object the method is called on, not
    a value a caller hands in (``self.load_key()``, ``self.get_connection(
    conn_id)`` read what the class does, not a caller's credential); how a
    reason names it, or None for any other parameter."""
    function = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    owner = ctx.ancestor(function, cst.ClassDef)
    if owner is None or ctx.parent(ctx.parent(function)) is not owner:
        return None
    if any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in function.decorators
    ):
        return None
    first = function.params.params[:1] or function.params.posonly_params[:1]
    if not first or first[0] is not param:
        return None
    return f"{param.name.value}, the {owner.name.value} object itself"


def set_elsewhere(ctx: ModuleContext, node: cst.Attribute, owner: cst.ClassDef) -> str:
    """How a reason names ``self.<attr>`` that the module never sets: by a
    base class of another module (``self.source_conn`` of an Airflow
    operator's base), or from outside; never a value."""
    defined = {n.name.value for n in ctx.module.body if isinstance(n, cst.ClassDef)}
    bases = [
        ctx.code(b.value)
        for b in owner.bases
        if b.keyword is None and ctx.code(b.value).split(".")[-1] not in defined
    ]
    where = f"by {bases[0]} of another module" if bases else "outside this module"
    return f"self.{node.attr.value}, set {where}"
