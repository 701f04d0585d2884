"""Another service's Authorization header: the signs of another way to
authenticate in a function that say nothing about HubSpot's auth.

``attach`` keeps a site manual when the code sending the key also shows another
credential (an OAuth mode?). On real code that other credential is often not
HubSpot's at all: a Slack message posted after the HubSpot call, with its own
``headers`` dict rebuilt for it::

    headers = {}
    headers["Content-Type"] = "application/json"
    r = requests.post(hubspot_endpoint, data=data, headers=headers)   # the key
    headers = {}
    headers["Authorization"] = slack_auth_key
    r = requests.post("https://slack.com/api/chat.postMessage", headers=headers)

:func:`shown_code` gives the code in which ``attach`` looks for such signs,
without what is proven not to be one:

- comments (``#   'Authorization': 'Bearer ' + HUBSPOT_TOKEN`` is not run);
- ``N["Authorization"] = ...`` and ``N = {..., "Authorization": ...}`` whose
  dict reaches only requests to hosts known not to be HubSpot's
  (:func:`_reaches_other_hosts_only`);
- the ``headers={...}`` dict written at such a request and its ``auth=``;
- a local bound to a literal or an environment read (``access_token = ''``,
  ``slack = os.environ["SLACK_ACCESS_TOKEN"]``) that nothing reads but what
  the rules above removed.

The proof for a dict ``N`` (all of it, or the sign stays):

- ``N`` is a plain local of the function: not a parameter, not declared
  ``global``/``nonlocal``, named in no nested function, lambda, class or
  comprehension, bound only by ``N = <expression>`` statements; or a name of
  a script's top level (nobody imports a script: :func:`scripts.is_script`)
  that none of its functions or classes names;
- the dict is new where it is bound (a dict display), and that binding is the
  one the Authorization write sees (:func:`_binding_seen`: the nearest
  binding before it in straight-line order, no loop or ``try`` in between that
  binds ``N`` again);
- every read of ``N`` that may see that dict (its binding is the one seen, or
  which binding is seen is not known) is an item write ``N[...] = ...`` or the
  ``headers=`` of a request (``requests.post``, a session's ``get``...) whose
  URL has a literal host that is not HubSpot's (``slack.com``, ``localhost``):
  no alias, no call handing it on, no return, so the dict goes nowhere else.

A dict that also reaches a HubSpot request, or a request whose host is known
only at run time, keeps the sign: the site stays manual. The token itself goes
per request (``headers={**headers, "Authorization": ...}``, a new dict), so
it never enters the dict the other service's request sends.
"""

from __future__ import annotations

import re
from typing import Iterable, Union

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import http_calls, reached_hosts, scripts, values
from hapimigrate.analysis import unused_imports
from hapimigrate.python.context import ModuleContext, walk

_AUTHORIZATION = "authorization"
_NESTED_SCOPES = (
    cst.FunctionDef,
    cst.Lambda,
    cst.ClassDef,
    cst.ListComp,
    cst.SetComp,
    cst.DictComp,
    cst.GeneratorExp,
)
_LITERAL_HOST = re.compile(r"(?i)^(?:https?:)?//([^/{}?#\s:@]+)(?::\d+)?(?:[/?#]|$)")


class _Unknown:
    """Which binding a read sees is not known (a loop, a branch binding it)."""


UNKNOWN = _Unknown()
Seen = Union[cst.Assign, _Unknown, None]  # None: none of the scope's
Scope = Union[cst.FunctionDef, cst.Module]  # a function, a script's module


def shown_code(
    ctx: ModuleContext,
    source: cst.CSTNode,
    printed: cst.CSTNode,
    own: frozenset[int] = frozenset(),
) -> str:
    """The code of ``printed`` (``source``, or a copy sharing its children) in
    which to look for signs of another way to authenticate: no comments, nor
    what :func:`cleared` proves goes to other hosts only (``source`` itself,
    where a request's ``headers=`` name has it among its bindings: the Slack
    dict bound after the HubSpot request)."""
    if isinstance(source, cst.FunctionDef):
        gone = cleared(ctx, source)
    else:
        scope = _scope_of(ctx, source)
        gone = cleared(ctx, scope) if scope is not None else set()
        if _within(ctx, source, gone):
            return ""
    shown = printed.visit(_Blank(gone, own))
    assert isinstance(shown, cst.CSTNode)
    return ctx.module.code_for_node(shown)


def _scope_of(ctx: ModuleContext, node: cst.CSTNode) -> Scope | None:
    """The function ``node`` lies in; the module, for a script's top level
    (nobody imports its names: :func:`scripts.is_script`)."""
    function = ctx.ancestor(node, *_NESTED_SCOPES)
    if isinstance(function, cst.FunctionDef):
        return function
    if function is None and scripts.is_script(ctx):
        return ctx.module
    return None


def cleared(ctx: ModuleContext, scope: Scope) -> set[int]:
    """The ids of the statements and arguments of ``scope`` (a function, a
    script's module) that send another host's credential only (see the
    module's docstring)."""
    return ctx.memoized(f"other_auth:{id(scope)}", lambda: _cleared(ctx, scope))


def _cleared(ctx: ModuleContext, scope: Scope) -> set[int]:
    gone: set[int] = set()
    for node in _own_nodes(ctx, scope):
        if isinstance(node, cst.Assign) and len(node.targets) == 1:
            if _other_hosts_header(ctx, scope, node):
                gone.add(id(node))
        elif isinstance(node, cst.Call):
            if _other_host(ctx, node) is not None:
                for arg in node.args:
                    keyword = arg.keyword.value if arg.keyword is not None else None
                    if keyword == "auth" or (
                        keyword == "headers" and isinstance(arg.value, cst.Dict)
                    ):
                        gone.add(id(arg))
    for node in _own_nodes(ctx, scope):  # access_token = '' read by nothing left
        if (
            isinstance(node, cst.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0].target, cst.Name)
            and _plain_value(ctx, node.value)
            and _unread(ctx, scope, node.targets[0].target.value, gone)
        ):
            gone.add(id(node))
    # from oauth2client... import X, X read nowhere: nothing it makes is sent
    gone |= unused_imports.unread(ctx, _own_nodes(ctx, scope))
    return gone


def _other_hosts_header(ctx: ModuleContext, scope: Scope, assign: cst.Assign) -> bool:
    """``N["Authorization"] = v`` into a new dict, or ``N = {"Authorization":
    v, ...}``, whose dict reaches requests to other hosts only."""
    target = assign.targets[0].target
    if isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name):
        if _subscript_key(target) != _AUTHORIZATION:
            return False
        name = target.value.value
        occurrences = _occurrences(ctx, scope, name)
        if occurrences is None:
            return False
        seen = _binding_seen(ctx, scope, target.value, occurrences[0])
        if not isinstance(seen, cst.Assign) or not isinstance(seen.value, cst.Dict):
            return False
        return _reaches_other_hosts_only(ctx, scope, seen, occurrences)
    if isinstance(target, cst.Name) and isinstance(assign.value, cst.Dict):
        if not any(_entry_key(e) == _AUTHORIZATION for e in assign.value.elements):
            return False
        occurrences = _occurrences(ctx, scope, target.value)
        if occurrences is None:
            return False
        return _reaches_other_hosts_only(ctx, scope, assign, occurrences)
    return False


def _reaches_other_hosts_only(
    ctx: ModuleContext,
    scope: Scope,
    binding: cst.Assign,
    occurrences: tuple[list[cst.Assign], list[cst.Name]],
) -> bool:
    """Every read of the name that may see ``binding``'s dict writes an item
    into it or hands it to a request to a host known not to be HubSpot's."""
    bindings, reads = occurrences
    for read in reads:
        seen = _binding_seen(ctx, scope, read, bindings)
        if seen is binding or seen is UNKNOWN:
            if not (_item_write(ctx, read) or _other_host_headers(ctx, read)):
                return False
    return True


def _occurrences(
    ctx: ModuleContext, scope: Scope, name: str
) -> tuple[list[cst.Assign], list[cst.Name]] | None:
    """The plain bindings (``name = ...``) and the reads of a local ``name``;
    None where it is anything else (a parameter, global, bound another way,
    named in a nested scope)."""
    if isinstance(scope, cst.FunctionDef) and any(
        p.name.value == name for p in _params(scope.params)
    ):
        return None
    bindings: list[cst.Assign] = []
    reads: list[cst.Name] = []
    for node in walk(scope.body if isinstance(scope, cst.FunctionDef) else scope):
        if isinstance(node, (cst.Global, cst.Nonlocal)):
            if any(n.name.value == name for n in node.names):
                return None
        if not isinstance(node, cst.Name) or node.value != name:
            continue
        parent = ctx.parent(node)
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            continue
        if isinstance(parent, cst.Arg) and parent.keyword is node:
            continue
        if _nested(ctx, node, scope):
            return None
        if _unpacked(ctx, node):
            return None  # a, headers = ...: bound another way
        if isinstance(parent, cst.AssignTarget):
            holder = ctx.parent(parent)
            if not isinstance(holder, cst.Assign) or len(holder.targets) != 1:
                return None
            bindings.append(holder)
            continue
        if (
            isinstance(
                parent,
                (
                    cst.AugAssign,
                    cst.AnnAssign,
                    cst.For,
                    cst.NamedExpr,
                    cst.AsName,
                    cst.Param,
                    cst.ImportAlias,
                    cst.FunctionDef,
                    cst.ClassDef,
                    cst.CompFor,
                ),
            )
            and getattr(parent, "value", None) is not node
        ):
            return None  # bound another way (an AugAssign's value is a read)
        reads.append(node)
    return bindings, reads


def _unpacked(ctx: ModuleContext, node: cst.Name) -> bool:
    """``a, headers = pair``, ``[*headers] = items``: a target of unpacking."""
    current: cst.CSTNode | None = ctx.parent(node)
    if not isinstance(current, (cst.Element, cst.StarredElement)):
        return False
    while isinstance(current, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        current = ctx.parent(current)
    return isinstance(current, (cst.AssignTarget, cst.For, cst.CompFor, cst.AsName))


def _params(params: cst.Parameters) -> Iterable[cst.Param]:
    yield from params.posonly_params
    yield from params.params
    yield from params.kwonly_params
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            yield star


def _nested(ctx: ModuleContext, node: cst.CSTNode, scope: Scope) -> bool:
    holder = ctx.ancestor(node, *_NESTED_SCOPES)
    return holder is not (scope if isinstance(scope, cst.FunctionDef) else None)


def _binding_seen(
    ctx: ModuleContext,
    scope: Scope,
    read: cst.CSTNode,
    bindings: list[cst.Assign],
) -> Seen:
    """The binding whose value ``read`` sees: the nearest one before it in
    straight-line order; UNKNOWN where a loop or a ``try`` around it binds the
    name too, or the nearest statement binding it is a compound one (a branch
    may or may not have run); None where no binding of the function comes
    before it."""
    current: cst.CSTNode = read
    while current is not scope:
        parent = ctx.parent(current)
        if parent is None:
            return UNKNOWN
        siblings = _sequence(parent, current)
        if siblings is not None:
            for statement in reversed(siblings):
                inside = [b for b in bindings if ctx.inside(b, statement)]
                if not inside:
                    continue
                if isinstance(statement, cst.Assign):
                    return statement
                if isinstance(statement, cst.SimpleStatementLine):
                    return next(
                        s
                        for s in reversed(statement.body)
                        if any(s is b for b in inside)
                    )
                return UNKNOWN  # bound in a branch, a loop, a with...
        if isinstance(parent, (cst.For, cst.While)) or (
            isinstance(parent, (cst.Try, cst.TryStar)) and current is not parent.body
        ):
            if any(ctx.inside(b, parent) for b in bindings):
                return UNKNOWN  # another pass of the loop, a try left midway
        elif isinstance(parent, cst.Match):
            if any(ctx.inside(b, parent) for b in bindings):
                return UNKNOWN
        current = parent
    return None


def _sequence(parent: cst.CSTNode, child: cst.CSTNode) -> list[cst.CSTNode] | None:
    """The statements run before ``child`` in the block ``parent``, if it is one."""
    if isinstance(
        parent,
        (
            cst.Module,
            cst.IndentedBlock,
            cst.SimpleStatementLine,
            cst.SimpleStatementSuite,
        ),
    ):
        body = list(parent.body)
        for index, statement in enumerate(body):
            if statement is child:
                return body[:index]
    return None


def _item_write(ctx: ModuleContext, read: cst.Name) -> bool:
    """``N["Content-Type"] = ...``: an item written into the dict."""
    subscript = ctx.parent(read)
    return (
        isinstance(subscript, cst.Subscript)
        and subscript.value is read
        and isinstance(ctx.parent(subscript), cst.AssignTarget)
    )


def _other_host_headers(ctx: ModuleContext, read: cst.Name) -> bool:
    """``headers=N`` of a request to a host known not to be HubSpot's."""
    arg = ctx.parent(read)
    call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    return (
        isinstance(arg, cst.Arg)
        and arg.keyword is not None
        and arg.keyword.value == "headers"
        and isinstance(call, cst.Call)
        and _other_host(ctx, call) is not None
    )


def _other_host(ctx: ModuleContext, call: cst.Call) -> str | None:
    """The host a request call sends to when it is written in full and is
    none of HubSpot's (``slack.com``, ``localhost``); None otherwise (a
    HubSpot host, one known only at run time, not a request)."""
    info = http_calls.classify(ctx, call)
    if info is None or info.kind != "request" or info.url_index is None:
        return None
    url = _url_value(ctx, _url_node(call, info.url_index))
    if url is None:
        return None
    match = _LITERAL_HOST.match(values.url_template(ctx, url))
    if match is None:
        return None
    where = match.group(1).lower().rstrip(".")
    if hubspot.is_hubspot_host(where) or hubspot.takes_tokens(where):
        return None
    if any(
        hubspot.is_hubspot_host(h) or hubspot.takes_tokens(h)
        for h in reached_hosts.reached_hosts(ctx, url)
    ):
        return None  # a HubSpot URL among what it may read
    return where


def _url_value(
    ctx: ModuleContext, url: cst.BaseExpression | None
) -> cst.BaseExpression | None:
    """What a request's URL argument holds: for a local name bound more than
    once (``slack_endpoint = ...`` before each request), the value of the
    binding the request sees; None where that is not known."""
    scope = _scope_of(ctx, url) if url is not None else None
    if not isinstance(url, cst.Name) or scope is None:
        return url
    occurrences = _occurrences(ctx, scope, url.value)
    if occurrences is None or not occurrences[0]:
        return url  # a parameter, a global...: as values renders it
    seen = _binding_seen(ctx, scope, url, occurrences[0])
    return seen.value if isinstance(seen, cst.Assign) else None


def _url_node(call: cst.Call, index: int) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "url":
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if any(a.star for a in call.args):
        return None  # *args, **kwargs: the URL may come from them
    return positional[index].value if index < len(positional) else None


def _unread(ctx: ModuleContext, scope: Scope, name: str, gone: set[int]) -> bool:
    """A local whose every read lies in what was cleared (none at all: a
    ``HUBSPOT_TOKEN = ''`` read by nothing but a comment)."""
    occurrences = _occurrences(ctx, scope, name)
    if occurrences is None:
        return False
    return all(_within(ctx, read, gone) for read in occurrences[1])


def _within(ctx: ModuleContext, node: cst.CSTNode, gone: set[int]) -> bool:
    current: cst.CSTNode | None = node
    while current is not None:
        if id(current) in gone:
            return True
        current = ctx.parent(current)
    return False


_ENVIRONMENT_READS = frozenset({"os.getenv", "os.environ.get"})


def _plain_value(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """``''``, ``None``, ``os.environ["SLACK_ACCESS_TOKEN"]``,
    ``os.getenv("X", "")``: a value whose reading does nothing else."""
    if isinstance(value, (cst.SimpleString, cst.Integer)):
        return True
    if isinstance(value, cst.Name):
        return value.value in ("None", "True", "False")
    if isinstance(value, cst.Subscript):
        return (
            "os.environ" in ctx.qualified_names(value.value)
            and len(value.slice) == 1
            and isinstance(value.slice[0].slice, cst.Index)
            and isinstance(value.slice[0].slice.value, cst.SimpleString)
            and not _hubspots(ctx, value.slice[0].slice.value)
        )
    if isinstance(value, cst.Call):
        return (
            bool(ctx.qualified_names(value.func) & _ENVIRONMENT_READS)
            and all(
                isinstance(a.value, cst.SimpleString) and not a.star for a in value.args
            )
            and not (value.args and _hubspots(ctx, value.args[0].value))
        )
    return False


_HUBSPOT_VARIABLE = re.compile(r"(?i)hubspot|hapi|(?:^|_)hs(?:_|$)")


def _hubspots(ctx: ModuleContext, name: cst.BaseExpression) -> bool:
    """Whether the environment variable ``name`` names may hold a HubSpot
    credential: one naming HubSpot, or the token provider's own
    (``relay_token = os.environ["HUBSPOT_ACCESS_TOKEN"]`` sent to a relay is
    the very variable the migrated requests would read: no other service's)."""
    assert isinstance(name, cst.SimpleString)
    variable = str(name.evaluated_value)
    return bool(_HUBSPOT_VARIABLE.search(variable)) or (
        f'"{variable}"' in ctx.provider.expression
    )


def _own_nodes(ctx: ModuleContext, scope: Scope) -> Iterable[cst.CSTNode]:
    """The nodes of the scope's own code (a module's: outside its functions
    and classes, which other analyses see as their own scopes)."""
    if isinstance(scope, cst.FunctionDef):
        return walk(scope.body)
    return (n for n in walk(scope) if not _nested(ctx, n, scope))


def _subscript_key(node: cst.Subscript) -> str | None:
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    return _text(node.slice[0].slice.value)


def _entry_key(element: cst.BaseDictElement) -> str | None:
    return _text(element.key) if isinstance(element, cst.DictElement) else None


def _text(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.lower() if isinstance(value, str) else None
    return None


class _Blank(cst.CSTTransformer):
    """Comments emptied, cleared statements made ``pass``, cleared arguments
    dropped: the text left is what may still show another credential."""

    def __init__(self, gone: set[int], own: frozenset[int] = frozenset()) -> None:
        super().__init__()
        self.gone = gone
        self.own = own  # the key's own variable's names (own_name): "_"

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.Name:
        if id(original_node) in self.own:
            return updated_node.with_changes(value="_")
        return updated_node

    def leave_Comment(
        self, original_node: cst.Comment, updated_node: cst.Comment
    ) -> cst.Comment:
        return cst.Comment("#")

    def leave_Assign(
        self, original_node: cst.Assign, updated_node: cst.Assign
    ) -> cst.BaseSmallStatement:
        return cst.Pass() if id(original_node) in self.gone else updated_node

    def leave_Import(
        self, original_node: cst.Import, updated_node: cst.Import
    ) -> cst.BaseSmallStatement:
        return cst.Pass() if id(original_node) in self.gone else updated_node

    def leave_ImportFrom(
        self, original_node: cst.ImportFrom, updated_node: cst.ImportFrom
    ) -> cst.BaseSmallStatement:
        return cst.Pass() if id(original_node) in self.gone else updated_node

    def leave_Arg(
        self, original_node: cst.Arg, updated_node: cst.Arg
    ) -> cst.Arg | cst.RemovalSentinel:
        if id(original_node) in self.gone:
            return cst.RemovalSentinel.REMOVE
        return updated_node
