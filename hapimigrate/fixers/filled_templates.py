"""``str.format`` URL templates of another module whose key field a reader fills
(the ``.format`` twin of :mod:`hapimigrate.fixers.template_carriers`, which
reads ``%``)::

    # hubdbapi/constants.py
    TABLES_URL = "https://api.hubapi.com/hubdb/api/v2/tables/{table_id}?hapikey={hs_key}"
    # hubdbapi/hubdb.py
    def delete_table(table_id, hs_key):
        url = TABLES_URL.format(**{"table_id": table_id, "hs_key": hs_key})
        requests.delete(url)

The defining module exports the template with its literal text and the names
(or positions) of the fields the key fills; each reader's use is checked here
(:func:`brace_fill`): the template read right where ``.format(...)`` is called
on it, with arguments that tell the key's field for certain (keywords naming
it, positions when every field is positional, or one ``**{...}`` mapping
written there whose keys are all string literals), each of the key's fields
filled by exactly one value, once. Then that value's argument (or mapping
entry) goes and the requests send the token; the template loses
``?hapikey={hs_key}`` only when every use of it in the tree can
(:mod:`hapimigrate.carriers`).

The value filled in may be the one configured key (the provider's token is
sent) or a parameter of the function around the read (the caller's credential,
sent as the Bearer token as the same request written in one module would be:
:mod:`hapimigrate.fixers.template_callers`; its callers in the tree pass
tokens, and the checks of :func:`hapimigrate.fixers.attach.callers_keys` apply: a caller handing in a key
that cannot be placed, a response cache shared between callers). Anything else
(a tenant's key read from a row, a key computed here) leaves the template and
every use manual, saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import origins, querystring
from hapimigrate.analysis.origins import Origin
from hapimigrate.model import Carrier
from hapimigrate.python.context import ModuleContext

_NUMBERED = re.compile(r"\{\d")  # "{0}", "{1:>5}": a field numbered in the text


def is_brace_template(template: str) -> bool:
    """Whether a carrier's template is filled by ``.format`` (its text has no
    ``%`` field at all: a ``%`` carrier always has the key's)."""
    return bool(template) and not querystring.percent_fields(template)


@dataclass(frozen=True)
class FormatDrop:
    """Dropping the key's ``.format`` arguments: whole arguments of the call
    (``hs_key=hs_key``, a positional one, a ``**{...}`` left empty) and entries
    of the one ``**{...}`` mapping; ``unwrap``: no argument is left and the
    template has no escaped braces, so ``.format()`` goes."""

    call: cst.Call
    args: frozenset[int] = frozenset()
    mapping: cst.Dict | None = None
    entries: frozenset[int] = frozenset()
    unwrap: bool = False
    values: tuple[cst.BaseExpression, ...] = ()  # what goes: the key

    def record(self, ctx: ModuleContext, note_keys: bool = True) -> None:
        """Make the edits; ``note_keys``: the key's name may go once nothing
        reads it (not a caller's key, which the header sends)."""
        edit = ctx.edits.calls[self.call]
        edit.drop_args.update(self.args)
        edit.unwrap_format = edit.unwrap_format or self.unwrap
        if self.mapping is not None and self.entries:
            ctx.edits.drop_elements[self.mapping].update(self.entries)
        if note_keys:
            ctx.key_names.extend(v for v in self.values if isinstance(v, cst.Name))


@dataclass(frozen=True)
class BraceFill:
    """One reader's ``.format`` use: why it cannot change (None: it can), the
    edit dropping the key's value, and that value."""

    problem: str | None
    drop: FormatDrop | None = None
    key: cst.BaseExpression | None = None


def brace_fill(ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode) -> BraceFill:
    """How ``node`` (a read of the ``str.format`` template ``carrier``) fills
    the template's key fields: the argument for each, told for certain."""
    name = f"{carrier.name} of {carrier.module}.py"
    attribute = ctx.parent(node)
    call = ctx.parent(attribute) if attribute is not None else None
    if not (
        isinstance(attribute, cst.Attribute)
        and attribute.value is node
        and attribute.attr.value == "format"
        and isinstance(call, cst.Call)
        and call.func is attribute
    ):
        return BraceFill(
            f"{name} is a template whose key field is filled later, not with "
            ".format() right here: change both by hand"
        )
    template = carrier.template
    fields = querystring.brace_fields(template)
    refs = [f.ref for f in fields]
    wanted = list(carrier.key_fields)
    if not wanted or any(refs.count(ref) != 1 for ref in wanted):
        return BraceFill(
            f"the key's field of {name} is not one field filled once: change "
            "both by hand"
        )
    named = [r for r in refs if isinstance(r, str)]
    if named and len(named) != len(refs) and any(isinstance(r, int) for r in wanted):
        return BraceFill(f"{name} mixes positional and named fields")
    if any(isinstance(r, int) for r in wanted) and _NUMBERED.search(
        template.replace("{{", "")
    ):
        # "{1}/rows?hapikey={0}": the other fields would need numbers again
        return BraceFill(f"{name} numbers its fields: change both by hand")
    found = _arguments(call, wanted)
    if isinstance(found, str):
        return BraceFill(f"the .format arguments of {name} {found}")
    args, mapping, entries, given = found
    if len(given) != 1:
        return BraceFill(f"{name} is given no single value for its key field here")
    left = len(call.args) - len(args)
    unwrap = left == 0 and not querystring.has_escapes(template)
    drop = FormatDrop(
        call, frozenset(args), mapping, frozenset(entries), unwrap, tuple(given)
    )
    return BraceFill(None, drop, given[0])


def _arguments(
    call: cst.Call, wanted: list[int | str]
) -> tuple[set[int], cst.Dict | None, set[int], list[cst.BaseExpression]] | str:
    """The arguments (indexes into ``call.args``), the ``**{...}`` mapping and
    its entries that fill the ``wanted`` fields, and their values; a phrase
    saying why they cannot be told."""
    positional = [i for i, a in enumerate(call.args) if a.star == "" and not a.keyword]
    keywords = {
        a.keyword.value: i for i, a in enumerate(call.args) if a.keyword is not None
    }
    starred = [i for i, a in enumerate(call.args) if a.star]
    mapping: cst.Dict | None = None
    keys: dict[str, int] = {}
    if starred:
        if len(starred) != 1 or call.args[starred[0]].star != "**":
            return "are unpacked with * or more than one **"
        mapping = _literal_mapping(call.args[starred[0]].value)
        if mapping is None:
            return "unpack a mapping not written here with string keys"
        for index, element in enumerate(mapping.elements):
            assert isinstance(element, cst.DictElement)
            assert isinstance(element.key, cst.SimpleString)
            key = element.key.evaluated_value
            if not isinstance(key, str) or key in keys or key in keywords:
                return "name one field twice"
            keys[key] = index
    args: set[int] = set()
    entries: set[int] = set()
    given: list[cst.BaseExpression] = []
    for ref in wanted:
        if isinstance(ref, int):
            if ref >= len(positional) or mapping is not None:
                return "do not match the template"
            args.add(positional[ref])
            given.append(call.args[positional[ref]].value)
        elif ref in keywords:
            args.add(keywords[ref])
            given.append(call.args[keywords[ref]].value)
        elif ref in keys and mapping is not None:
            entries.add(keys[ref])
            element = mapping.elements[keys[ref]]
            assert isinstance(element, cst.DictElement)
            given.append(element.value)
        else:
            return "do not fill its key field"
    if mapping is not None and len(entries) == len(mapping.elements):
        args.add(starred[0])  # **{"hs_key": hs_key}: nothing else in it
        entries = set()
    return args, mapping, entries, given


def _literal_mapping(value: cst.BaseExpression) -> cst.Dict | None:
    """A ``{...}`` written in the call whose entries all have string literal
    keys (no ``**extra`` inside it, no computed key)."""
    if not isinstance(value, cst.Dict):
        return None
    for element in value.elements:
        if not (
            isinstance(element, cst.DictElement)
            and isinstance(element.key, cst.SimpleString)
        ):
            return None
    return value


def sendable(origin: Origin) -> bool:
    """Whether a filled key's origin is one the reader may send as the token:
    the configured key, or a caller's credential handed in by a parameter (not
    a file's value, a container's field, or a default)."""
    if origin.kind == origins.CONFIG:
        return True
    return (
        origin.kind == origins.CALLER
        and origin.param is not None
        and origin.read is None
        and not origin.container
    )
