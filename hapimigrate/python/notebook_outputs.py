"""Saved outputs of a notebook's code cells that show a key: ``r.url`` printed
as ``'https://api.hubapi.com/crm/v3/owners?hapikey=4f2c...'``, or the key
itself printed by the cell (``print(HUBSPOT_API_KEY)``: its stream output is the
bare key). Migrating the cells does not touch their outputs, so the key stays
published in the file; each such output is a manual site (the key is never
shown: only where it is), marked as a hard-coded key to revoke when the value
looks like one (:func:`hapimigrate.keys.is_plausible_key`).

A bare value counts only in the output of a cell that shows the key: it
prints, displays or logs an expression made of the key (a name bound from a
HubSpot key's name in any cell, ``os.environ["HUBSPOT_API_KEY"]``, an f-string
or ``+`` of them), or ends with one (its ``execute_result``). A cell that only
sends the key (``requests.get(..., params={"hapikey": KEY}).json()``) shows
what HubSpot answered, whose UUIDs (form guids) are no key.
"""

from __future__ import annotations

import ast
import re

from hapimigrate import keys
from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import Kind, Site, Status

_KEY = re.compile(r"hapikey=([^&\s'\"<>\\]+)", re.IGNORECASE)
SHOWN = (
    "the saved output of this cell shows the key (hapikey=...): clear the cell's "
    "outputs, and revoke the key if the notebook was shared"
)
PRINTED = (
    "the saved output of this cell shows the key's value, which the cell prints "
    "({}): clear the cell's outputs, and revoke the key if the notebook was shared"
)
_MAGIC = re.compile(r"^\s*[%!]")
_WORDS = re.compile(r"[a-z]+|[0-9]+")
# what shows a value in a cell's output: print(), display(), a logger's call
# calls whose value is the key when their argument names one
_READS = frozenset(("getenv", "get", "getpass", "input"))
# calls whose value holds their arguments' text
_KEEPING = frozenset(("str", "repr", "format", "strip", "lstrip", "rstrip"))
_SHOWING = frozenset(
    ("print", "display", "pprint", "pp", "debug", "info", "warning", "warn",
     "error", "critical", "exception", "log", "write")  # fmt: skip
)


def output_sites(path: str, cells: list, starts: list[int]) -> list[Site]:
    """A site per code cell whose saved outputs hold ``hapikey=<value>``, or
    a key-shaped value the cell printed from the key, at the line of its
    source (``starts``: the line of each cell's source)."""
    sources = {
        number: _source(cell)
        for number, cell in enumerate(cells, start=1)
        if isinstance(cell, dict) and cell.get("cell_type") == "code"
    }
    names = _key_names(sources.values())
    found = []
    for number, source in sources.items():
        text = _text(cells[number - 1].get("outputs"))
        values = [m.group(1) for m in _KEY.finditer(text)]
        shown = _shown_key(source, names) if not values else None
        if shown is not None:
            values = keys.key_shaped_values(text)
        if not values:
            continue
        line = starts[number - 1]
        found.append(
            Site(
                path,
                line,
                1,
                line,
                1,
                Kind.TEXT,
                Status.MANUAL,
                SHOWN if shown is None else PRINTED.format(shown),
                hardcoded_key=any(keys.is_plausible_key(v) for v in values),
                fingerprint=fingerprint(
                    Kind.TEXT.value, "", f"outputs of cell {number}"
                ),
                cell=number,
                cell_line=0,
            )
        )
    return found


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _parsed(source: str) -> ast.Module | None:
    """A cell's code, its magic and shell lines blanked (None: not Python)."""
    if source.lstrip().startswith("%%"):
        return None
    lines = ["" if _MAGIC.match(line) else line for line in source.split("\n")]
    try:
        return ast.parse("\n".join(lines))
    except (SyntaxError, ValueError):
        return None


def names_a_key(name: str) -> bool:
    """A HubSpot key's name: ``HUBSPOT_API_KEY``, ``hubspotApiKey``,
    ``HS_KEY``, ``hapikey`` (HubSpot named, ending in a key)."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
    words = _WORDS.findall(spaced)
    if words == ["hapikey"]:
        return True
    return (
        bool(words)
        and words[-1] in ("key", "apikey", "hapikey")
        and bool({"hubspot", "hs", "hapi", "hapikey"} & set(words))
    )


def _key_names(sources) -> frozenset[str]:
    """The names the cells bind to a HubSpot key (``KEY =
    os.environ["HUBSPOT_API_KEY"]``, ``key = KEY.strip()``), by name: a
    notebook's cells share one namespace, in an order not known here."""
    trees = [t for t in map(_parsed, sources) if t is not None]
    names: set[str] = set()
    while True:
        before = len(names)
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value:
                    if _made_of_key(node.value, names):
                        targets = (
                            node.targets
                            if isinstance(node, ast.Assign)
                            else [node.target]
                        )
                        names.update(t.id for t in targets if isinstance(t, ast.Name))
        if len(names) == before:
            return frozenset(names)


def _made_of_key(node: ast.AST, names: frozenset[str] | set[str]) -> bool:
    """Whether ``node``'s value is the key, whole: a name bound to it, a
    HubSpot key's name (``settings.HUBSPOT_API_KEY``), an environment read of
    one (``os.environ["HUBSPOT_API_KEY"]``, ``os.getenv(...)``, ``getpass``), or
    a string made of one (an f-string, ``+``, ``%``, ``str()``, ``.strip()``);
    not a call that merely sends it (``requests.get(..., params=...)``)."""
    if isinstance(node, ast.Name):
        return node.id in names or names_a_key(node.id)
    if isinstance(node, ast.Attribute):
        return names_a_key(node.attr)
    if isinstance(node, ast.Subscript):
        index = node.slice
        return (
            isinstance(index, ast.Constant)
            and isinstance(index.value, str)
            and names_a_key(index.value)
        )
    if isinstance(node, ast.Call):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else ""
        called = called or (func.id if isinstance(func, ast.Name) else "")
        if called in _READS:  # os.getenv("HUBSPOT_API_KEY"), getpass("HubSpot key")
            first = node.args[0] if node.args else None
            return (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and names_a_key(first.value)
            )
        if called not in _KEEPING:
            return False
        parts = [*node.args, *(k.value for k in node.keywords)]
        if isinstance(func, ast.Attribute):
            parts.append(func.value)  # KEY.strip(), "{}".format(KEY)
        return any(_made_of_key(p, names) for p in parts)
    if isinstance(node, ast.JoinedStr):
        return any(
            _made_of_key(v.value, names)
            for v in node.values
            if isinstance(v, ast.FormattedValue)
        )
    if isinstance(node, ast.BinOp):
        return _made_of_key(node.left, names) or _made_of_key(node.right, names)
    if isinstance(node, (ast.Tuple, ast.List)):
        return any(_made_of_key(e, names) for e in node.elts)
    return False


def _shown_key(source: str, names: frozenset[str]) -> str | None:
    """How the cell shows the key (``print(HUBSPOT_API_KEY)``), or None."""
    tree = _parsed(source)
    if tree is None:
        return None
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = (
            func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        )
        if called in _SHOWING and any(
            _made_of_key(a, names)
            for a in [*node.args, *(k.value for k in node.keywords)]
        ):
            return _quoted(node)
    last = tree.body[-1] if tree.body else None
    if isinstance(last, ast.Expr) and _made_of_key(last.value, names):
        return _quoted(last.value)
    return None


def _quoted(node: ast.AST) -> str:
    """The code that shows the key, short, and never a key written in it."""
    code = ast.unparse(node)
    if any(keys.is_plausible_key(word) for word in re.findall(r"[\w-]+", code)):
        return "a line of the cell"
    return code if len(code) <= 60 else code[:57] + "..."


def _text(value: object) -> str:
    """Every string inside an output record (stream text, text/plain,
    text/html, an error's traceback), joined."""
    if isinstance(value, str):
        return value + "\n"
    if isinstance(value, list):
        return "".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "".join(_text(v) for v in value.values())
    return ""
