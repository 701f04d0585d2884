"""Where a key is read out of a structured configuration file at run time.

    with open("apiKeys.json") as f:              the "hubspot" field of
        keys = json.load(f)                      apiKeys.json, read at run time
    api_key = keys["hubspot"]

    with open("config.json", "r") as file:
        data = file.read()
    config = json.loads(data)
    apikey = config.get("apikey")

Like a key read as text from a file (``f.read().strip()``) or typed on the
command line, what such a file holds is given at run time: the program sends
whatever the file says, a token once the file holds one. So the key stays where
it is read and is sent as the Bearer token (``decide.RUN_TIME_TOKEN`` tells the
user to put an access token in that field of that file).

Only one fixed read counts: the file's path is built from literals, ``__file__``
and module constants (no parameter, no loop variable: no file per portal or per
customer), the loader is a known one (``json``, ``yaml``, ``toml``/``tomllib``)
and every step down to the key is a literal subscript or ``.get("...")``
(:func:`hapimigrate.analysis.origins` extends the path, and gives up on any
other index). Whether the value is also used for something else is asked where
the site is decided (:mod:`hapimigrate.fixers.run_time_reads`), and the request
must go to a HubSpot API host written in the code (:func:`host_problem`): a
host read from the same file (RestOC's ``{"domain": ..., "api_key": ...}``) may
be a sandbox's or a proxy's.

A Keboola component's ``docker.Config("/data/").get_parameters()`` is such a
file too (``/data/config.json``): its users put credentials in its parameters
(``"#token"``), and a Keboola job sets no environment variable of theirs, so a
provider's ``os.environ[...]`` would find nothing there.

Configuration objects backed by the environment (python-decouple's
``config("X")``, environs' ``env.str("X")``, dynaconf's and Django's
``settings.X``) are the app's configuration, not a file read here: the
provider's token replaces them (:mod:`hapimigrate.analysis.origins`).
"""

from __future__ import annotations

import re
from typing import Sequence

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext

# loader qualified name -> what it takes: a handle (or a path), or a text
_TAKES_HANDLE = frozenset(
    {
        "json.load",
        "yaml.safe_load",
        "yaml.load",
        "yaml.full_load",
        "toml.load",
        "tomllib.load",
        "tomli.load",
    }
)
_TAKES_TEXT = frozenset(
    {"json.loads", "yaml.safe_load", "yaml.load", "yaml.full_load", "toml.loads"}
    | {"tomllib.loads", "tomli.loads"}
)
# dotenv_values(".env") reads the file into a dict, not into os.environ
_TAKES_PATH = frozenset(
    {"toml.load", "dotenv.dotenv_values", "dotenv.main.dotenv_values"}
)
_PATH_CALLS = frozenset(
    {
        "os.path.join",
        "os.path.dirname",
        "os.path.abspath",
        "os.path.realpath",
        "os.path.expanduser",
        "os.path.normpath",
        "os.getcwd",
        "pathlib.Path",
        "pathlib.PurePath",
        "builtins.str",
    }
)
_PATH_METHODS = frozenset({"resolve", "absolute", "expanduser", "joinpath"})
_READ_MODES = frozenset({"r", "rt", "rb", "br", "tr"})


def structured_read(ctx: ModuleContext, call: cst.Call) -> str | None:
    """What a person must fill, when ``call`` loads a configuration file of a
    fixed path at run time (``json.load(f)`` of ``with open("keys.json") as f``,
    ``json.loads(f.read())``, ``json.loads(data)`` of ``data = f.read()``,
    ``yaml.safe_load(f)``, ``toml.load("config.toml")``): the file's name
    (``"keys.json"``, or "a configuration file" for a built path); None else."""
    keboola = _keboola_parameters(ctx, call)
    if keboola is not None:
        return keboola
    names = ctx.qualified_names(call.func)
    if len(names) != 1 or len(call.args) < 1 or call.args[0].keyword is not None:
        return None
    loader = next(iter(names))
    source = call.args[0].value
    if loader in _TAKES_PATH and fixed_path(ctx, source, 0):
        return None if written_here(ctx, source) else _shown(source)
    opened = None
    if loader in _TAKES_HANDLE:
        opened = _opened(ctx, source)
    if opened is None and loader in _TAKES_TEXT:
        opened = _read_text(ctx, source)
    if opened is None or written_here(ctx, opened.args[0].value):
        return None
    return _shown(opened.args[0].value)


_WRITE_MODE = re.compile(r"[wax+]")


def open_mode(call: cst.Call) -> cst.BaseExpression | None:
    """The mode ``open(path, mode)`` is given (second or ``mode=``), if any."""
    return next(
        (
            a.value
            for i, a in enumerate(call.args)
            if (a.keyword is None and i == 1)
            or (a.keyword is not None and a.keyword.value == "mode")
        ),
        None,
    )


def written_here(ctx: ModuleContext, path: cst.BaseExpression) -> bool:
    """Whether the module also writes the file at ``path`` (``open(CONFIG_PATH,
    "w")``, ``Path(CONFIG_PATH).write_text(...)``): the program's own
    ``configure`` step, which may check what it is given (a key's format), so
    the file's value is not simply what a person puts there."""
    wanted = ctx.code(path)
    for call in ctx.index.calls:
        if not call.args or call.args[0].keyword is not None:
            continue
        names = ctx.qualified_names(call.func)
        if "builtins.open" in names or ctx.code(call.func).endswith("open"):
            if ctx.code(call.args[0].value) != wanted:
                continue
            mode = open_mode(call)
            if isinstance(mode, cst.SimpleString) and _WRITE_MODE.search(
                str(mode.evaluated_value)
            ):
                return True
        elif (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value in ("write_text", "write_bytes")
            and wanted in ctx.code(call.func.value)
        ):
            return True
    return False


KEBOOLA = "the Keboola component's configuration (its parameters)"


def _keboola_parameters(ctx: ModuleContext, call: cst.Call) -> str | None:
    """``cfg.get_parameters()`` of ``cfg = docker.Config("/data/")`` (Keboola's
    ``keboola.docker``): the component's ``config.json``, where its users put
    credentials (``"#token"``, encrypted by Keboola); a Keboola job sets no
    environment variable of the user's, so the key stays read from there."""
    func = call.func
    if not (
        isinstance(func, cst.Attribute)
        and func.attr.value == "get_parameters"
        and not call.args
    ):
        return None
    made = func.value
    if isinstance(made, cst.Name):
        made = _only_value(ctx, made)
    if not isinstance(made, cst.Call) or ctx.qualified_names(made.func) != {
        "keboola.docker.Config"
    }:
        return None
    given = [a.value for a in made.args]
    if any(a.keyword is not None or a.star for a in made.args) or not all(
        fixed_path(ctx, g, 0) for g in given
    ):
        return None
    return KEBOOLA


def _shown(path: cst.BaseExpression) -> str:
    if isinstance(path, cst.SimpleString) and isinstance(path.evaluated_value, str):
        name = path.evaluated_value
        if len(name) <= 60 and "\n" not in name:
            return name
    return "a configuration file"


def _read_text(ctx: ModuleContext, node: cst.BaseExpression) -> cst.Call | None:
    """The ``open(...)`` whose whole text ``node`` is: ``f.read()`` of an
    opened ``f``, ``open(path).read()``, or a name bound once to either."""
    if isinstance(node, cst.Name):
        node = _only_value(ctx, node)
    if not (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "read"
        and not node.args
    ):
        return None
    return _opened(ctx, node.func.value)


def _opened(ctx: ModuleContext, node: cst.BaseExpression | None) -> cst.Call | None:
    """The ``open(fixed path)`` that ``node`` is, or that the name ``node`` is
    bound to once (``with open(...) as f``, ``f = open(...)``)."""
    if isinstance(node, cst.Name):
        item = _enclosing_with(ctx, node)
        binding = item.asname.name if item is not None else _only_binding(ctx, node)
        item = item or (
            ctx.ancestor(binding, cst.WithItem) if binding is not None else None
        )
        if (
            isinstance(item, cst.WithItem)
            and item.asname is not None
            and item.asname.name is binding
        ):
            node = item.item
        elif binding is not None:
            node = _value_of(ctx, binding)
        else:
            return None
    if not isinstance(node, cst.Call) or ctx.qualified_names(node.func) != {
        "builtins.open"
    }:
        return None
    if not node.args or node.args[0].keyword is not None:
        return None
    mode = open_mode(node)
    if mode is not None and not (
        isinstance(mode, cst.SimpleString) and mode.evaluated_value in _READ_MODES
    ):
        return None
    return node if fixed_path(ctx, node.args[0].value, 0) else None


def _enclosing_with(ctx: ModuleContext, name: cst.Name) -> cst.WithItem | None:
    """The item of the innermost ``with`` around ``name`` that binds it (``with
    open(p) as f: json.load(f)``, where other statements rebind ``f``), when
    its block does not bind it again."""
    node: cst.CSTNode | None = name
    while node is not None and not isinstance(node, cst.FunctionDef):
        node = ctx.parent(node)
        if isinstance(node, cst.With):
            for item in node.items:
                bound = item.asname.name if item.asname is not None else None
                if isinstance(bound, cst.Name) and bound.value == name.value:
                    rebound = any(
                        isinstance(n, cst.Name)
                        and n.value == name.value
                        and isinstance(
                            ctx.parent(n),
                            (cst.AssignTarget, cst.AsName, cst.For, cst.NamedExpr),
                        )
                        for n in _names_in(node.body)
                    )
                    return None if rebound else item
    return None


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    found: list[cst.Name] = []

    class _Collect(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.append(name)

    node.visit(_Collect())
    return found


def fixed_path(ctx: ModuleContext, node: cst.BaseExpression, depth: int = 0) -> bool:
    """A path that is the same on every call: literals, ``__file__``, module
    constants bound once to such a path, ``os.path``/``Path`` calls of them."""
    if depth > 6:
        return False
    again = lambda n: fixed_path(ctx, n, depth + 1)  # noqa: E731
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        return True
    if isinstance(node, cst.FormattedString):
        return all(
            again(p.expression)
            for p in node.parts
            if isinstance(p, cst.FormattedStringExpression)
        )
    if isinstance(node, cst.Name):
        if node.value == "__file__":
            return True
        binding = _only_binding(ctx, node)
        if binding is None or ctx.ancestor(binding, cst.FunctionDef) is not None:
            return False  # a parameter, a local of a call: may differ per call
        value = _value_of(ctx, binding)
        return value is not None and again(value)
    if isinstance(node, cst.BinaryOperation):
        return isinstance(node.operator, (cst.Add, cst.Divide)) and (
            again(node.left) and again(node.right)
        )
    if isinstance(node, cst.Attribute):
        return node.attr.value == "parent" and again(node.value)
    if isinstance(node, cst.Call):
        args = [a.value for a in node.args if a.keyword is None and not a.star]
        if len(args) != len(node.args):
            return False
        if isinstance(node.func, cst.Attribute) and node.func.attr.value in (
            _PATH_METHODS
        ):
            return again(node.func.value) and all(again(a) for a in args)
        names = ctx.qualified_names(node.func)
        return bool(names) and names <= _PATH_CALLS and all(again(a) for a in args)
    return False


def _only_binding(ctx: ModuleContext, name: cst.Name) -> cst.CSTNode | None:
    """The node binding ``name`` where it is its one binding."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1:
        return None
    return getattr(bindings[0], "node", None)


def _only_value(ctx: ModuleContext, name: cst.Name) -> cst.BaseExpression | None:
    binding = _only_binding(ctx, name)
    return _value_of(ctx, binding) if binding is not None else None


def _value_of(ctx: ModuleContext, binding: cst.CSTNode) -> cst.BaseExpression | None:
    if not isinstance(binding, cst.BaseExpression):
        return None
    return values.assigned_value(ctx, binding)


_KEEP_VALUE = frozenset({"strip", "lstrip", "rstrip"})


KEEP = ""  # field_step of ``.strip()``: the value itself


def field_step(node: cst.BaseExpression) -> str | None:
    """The step ``node`` takes down from a value read from a file at run time:
    a literal subscript or ``.get("name")`` (with no default or a literal one)
    names a field; ``.strip()`` keeps the value (:data:`KEEP`); anything else
    (an index computed at run time, ``.items()``, ``.split()``) is not followed
    (None)."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return _literal_step(index.value)
    elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        method = node.func.attr.value
        if method in _KEEP_VALUE and not node.args:
            return KEEP
        args = node.args
        if (
            method == "get"
            and 1 <= len(args) <= 2
            and all(a.keyword is None and not a.star for a in args)
            and (len(args) == 1 or _literal_or_none(args[1].value))
        ):
            return _literal_step(args[0].value)
    return None


def field_label(parameter: str, path: tuple[str, ...]) -> str:
    """How a file's field is named in reasons: ``keys.json's "hubspot" (read
    at run time)``."""
    shown = "/".join(f'"{p}"' if len(p) <= 40 else '"..."' for p in path)
    return f"{_file_of(parameter)}'s {shown}{_AT_RUN_TIME}"


_AT_RUN_TIME = " (read at run time)"


def _file_of(parameter: str) -> str:
    """``keys.json`` of ``keys.json, read at run time`` (the loader's origin)
    or of ``keys.json's "hubspot" (read at run time)`` (a field's)."""
    if parameter.endswith(", read at run time"):
        return parameter[: -len(", read at run time")]
    return parameter.partition("'s \"")[0]


def _literal_step(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString) and isinstance(node.evaluated_value, str):
        return node.evaluated_value
    if isinstance(node, cst.Integer):
        return node.value
    return None


def _literal_or_none(node: cst.BaseExpression) -> bool:
    return isinstance(node, (cst.SimpleString, cst.Integer)) or (
        isinstance(node, cst.Name) and node.value == "None"
    )


HOST_NOT_WRITTEN = (
    "the key comes from {} and the request's host is not written in the code "
    "(read from configuration too, or handed in): the file's value is sent as the "
    "token only to HubSpot's hosts written in the code; send it here by hand"
)


def host_problem(origin, urls: Sequence[str]) -> str | None:
    """``HOST_NOT_WRITTEN`` where a key read from a configuration file's field
    (``origin.path``) goes to a URL whose host is not a HubSpot API host
    written in the code: a host read from the same file (RestOC's
    ``{"domain": ..., "key": ...}``) may be a sandbox's or a proxy's, and a
    URL handed in by a caller could be anyone's."""
    if origin.read is None or not origin.path:
        return None
    hosts = [hubspot.host(url) for url in urls]
    if hosts and all(h is not None and hubspot.takes_tokens(h) for h in hosts):
        return None
    return HOST_NOT_WRITTEN.format(origin.parameter)
