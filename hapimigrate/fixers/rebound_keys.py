"""A module-level name rebound at run time that a request sends as its key.

    API_KEY = os.environ.get("HUBSPOT_API_KEY")
    def configure(api_key):
        global API_KEY
        API_KEY = api_key
    requests.get(BASE + "/owners/v2/owners?hapikey=" + API_KEY)

A request reading a name some function rebinds stays manual
(:func:`hapimigrate.fixers.attach.rebound_host`): a base URL rebound sends the
token wherever it then points. A name in the key's place does not choose the
host: rebinding it chooses which credential is sent (a key the caller of
``configure()`` hands in, a portal's perhaps), and one provider token cannot
stand for whatever it is given. :func:`sent_as_key` tells that place apart, so
that the reason says so; the site stays manual either way.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.analysis import origins, querystring, values
from hapimigrate.analysis.querystring import Unsafe
from hapimigrate.analysis.url_pieces import pieces_of
from hapimigrate.python.context import ModuleContext, walk

KEY_REBOUND = (
    "the request at line {} sends {} as its key, which {} rebinds at run time "
    "(line {}): the key sent is whatever {}, not one configured key the "
    "provider's token can stand for; decide which token {}, by hand"
)
_DEPTH = 3  # builders calling builders


def reason(line: int, name: str, how: str, where: int) -> str:
    """The manual reason for a rebound key (``how``: ``configure()``, or a
    write of the module's namespace, ``globals()[...]``)."""
    if how.endswith("()") and how[:-2].isidentifier():  # a function of the module
        given, decide = f"{how} is given", f"each caller of {how} passes"
    else:
        given, decide = "is written there", "is written there instead"
    return KEY_REBOUND.format(line, name, how, where, given, decide)


def sent_as_key(
    ctx: ModuleContext, url: cst.BaseExpression, name: cst.Name, depth: int = 0
) -> bool:
    """Whether ``name`` (inside ``url``) is the value of the URL's ``hapikey``
    parameter: right after ``hapikey=`` in a ``+`` chain or an f-string, the
    argument of a ``%`` field right after it, or the argument a builder of
    this module (``authed_url(path, API_KEY)``) puts there."""
    if _in_cut(ctx, url, name) or _in_percent_field(ctx, url, name):
        return True
    holder = ctx.parent(name)
    call = ctx.parent(holder) if isinstance(holder, cst.Arg) else None
    if not isinstance(call, cst.Call) or not ctx.inside(call, url) or depth >= _DEPTH:
        return False
    assert isinstance(holder, cst.Arg)
    function = _function(ctx, call.func)
    parameter = _parameter(function, call, holder) if function else None
    if function is None or parameter is None:
        return False
    return any(
        _key_parameter(ctx, returned.value, parameter, depth)
        for returned in origins.own_returns(function)
        if returned.value is not None
    )


def _in_cut(ctx: ModuleContext, url: cst.BaseExpression, name: cst.Name) -> bool:
    try:
        cut = querystring.find_key(pieces_of(url))
    except Unsafe:
        return False
    if cut is None:
        return False
    return any(ctx.inside(name, handle.node) for handle in cut.value_nodes)


def _in_percent_field(
    ctx: ModuleContext, url: cst.BaseExpression, name: cst.Name
) -> bool:
    """``"...?hapikey=%s&count=%s" % (API_KEY, n)``: the argument of the
    positional field written right after ``hapikey=``."""
    if not (
        isinstance(url, cst.BinaryOperation) and isinstance(url.operator, cst.Modulo)
    ):
        return False
    text = values.url_template(ctx, url.left)
    if "{" in text:  # a part not known: its own fields would shift the count
        return False
    fields = querystring.percent_fields(text)
    arguments = (
        [e.value for e in url.right.elements]
        if isinstance(url.right, cst.Tuple)
        else [url.right]
    )
    for field in fields:
        if not isinstance(field.ref, int) or not text[: field.start].endswith(
            querystring.KEY
        ):
            continue
        if field.ref < len(arguments) and ctx.inside(name, arguments[field.ref]):
            return True
    return False


def _function(ctx: ModuleContext, func: cst.BaseExpression) -> cst.FunctionDef | None:
    """The function of this module a call names, bound once."""
    if not isinstance(func, cst.Name):
        return None
    scope = ctx.lexical_scope(func)
    bindings = list(scope[func.value]) if scope is not None else []
    if len(bindings) != 1:
        return None
    node = getattr(bindings[0], "node", None)
    return node if isinstance(node, cst.FunctionDef) else None


def _parameter(function: cst.FunctionDef, call: cst.Call, arg: cst.Arg) -> str | None:
    """The parameter of ``function`` that ``arg`` of ``call`` fills."""
    if arg.star:
        return None
    if arg.keyword is not None:
        return arg.keyword.value
    position = [a for a in call.args if a.keyword is None].index(arg)
    if any(a.star for a in call.args[: list(call.args).index(arg)]):
        return None
    params = [*function.params.posonly_params, *function.params.params]
    return params[position].name.value if position < len(params) else None


def _key_parameter(
    ctx: ModuleContext, returned: cst.BaseExpression, parameter: str, depth: int
) -> bool:
    """Whether the URL a builder returns sends ``parameter`` as its key."""
    return any(
        isinstance(node, cst.Name)
        and node.value == parameter
        and sent_as_key(ctx, returned, node, depth + 1)
        for node in walk(returned)
    )
