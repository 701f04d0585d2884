"""A test's expectations of the key, moved to the token (issue #12).

Legacy repositories have tests that mock HubSpot and check the key::

    hubspot_utils.API_KEY = "demo"                      # setUp
    responses.add(GET, ".../profile?hapikey=demo", json={"vid": 1})
    self.assertIn("hapikey=demo", responses.calls[0].request.url)
    assert m.last_request.qs["hapikey"] == ["abc"]

Once the code they test sends ``Authorization: Bearer <token>``, they fail. A
test is rewritten as a careful person would::

    hubspot_utils.API_KEY = "demo"
    _token = mock.patch.dict(os.environ, {"HUBSPOT_ACCESS_TOKEN": "demo"})
    _token.start()
    self.addCleanup(_token.stop)
    responses.add(GET, ".../profile", json={"vid": 1})
    self.assertEqual(responses.calls[0].request.headers["Authorization"], "Bearer demo")
    assert m.last_request.headers["Authorization"] == "Bearer abc"

**The rule: the rewritten test passes against the migrated code exactly when
the original passed against the original code.** So a test function is
rewritten only when every key site in it has one of the shapes below, and the
one key value they name is the value the test itself gives the code under test,
in a way the migrated code turns into that same Bearer token (the tree decides
that, :mod:`hapimigrate.tree_tests`, and hands in :class:`Facts`):

- a made-up key literal the test hands a parameter that takes a token now
  (``HubSpot(api_key="test-key")``): the migrated code sends ``Bearer test-key``;
- the key's environment variable, patched for the test's duration
  (``mock.patch.dict(os.environ, {"HUBSPOT_API_KEY": "v"})``,
  ``monkeypatch.setenv("HUBSPOT_API_KEY", "v")``), where the migrated code reads
  the provider's variable in its place: the token's variable is set beside it,
  in the same scope;
- a module's key set by the test (``mod.API_KEY = "v"`` in ``setUp``,
  ``monkeypatch.setattr(mod, "API_KEY", "v")``, ``with mock.patch.object(mod,
  "API_KEY", "v")``), where the migrated module reads the provider's variable
  instead: the token's variable is patched beside it, for the test's duration.

The shapes of the expectations:

- a mock registered for a URL literal with ``hapikey=<value>`` (``responses.add``,
  ``responses.get``, ``m.get``, ``m.register_uri``, ...): the parameter is cut;
- ``"hapikey=<value>" in <request>.url`` (``assert``, ``self.assertIn``) becomes
  ``<request>.headers["Authorization"] == "Bearer <value>"``;
- ``<request>.qs["hapikey"] == ["<value>"]`` (requests_mock lower-cases query
  values: the value compared is the lower-cased key; the header keeps its case)
  becomes ``<request>.headers["Authorization"] == "Bearer <value>"``;

where ``<request>`` is ``X.calls[i].request``, ``X.last_request`` or
``X.request_history[i]``. Anything else leaves the whole test function as it
is, each of its sites saying why.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Iterable
from urllib.parse import quote, unquote

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider

AUTHORIZATION = '{}.headers["Authorization"]'
MOCK_METHODS = frozenset(
    {"add", "get", "post", "put", "patch", "delete", "head", "options"}
    | {"register_uri", "replace", "upsert"}
)
ENV_TARGETS = frozenset({"os.environ", '"os.environ"', "'os.environ'"})

NOT_IN_A_TEST = (
    "not inside a test function: its expectation of the key is changed by hand"
)
SHAPE = (
    "this test checks the key in a way hapimigrate does not rewrite: change it "
    "to expect the Authorization header by hand"
)
NO_VALUE = (
    "this test does not itself give the code it tests the key it checks (a "
    "made-up key handed to a parameter that takes a token now, the key's "
    "variable or the module's key patched for the test): change it by hand"
)
VALUES = (
    "this test gives the code it tests several keys, or checks another than "
    "it gives: change it by hand"
)
NAMES = (
    "the token's variable would be patched with {}, which this module binds to "
    "something else: change this test by hand"
)
REWRITTEN = (
    "this test now expects the token its own key stands for ({}), sent as "
    "Authorization: Bearer by the code it tests, migrated in the same run"
)


@dataclass(frozen=True)
class Facts:
    """What the tree decided about the code the test module tests.

    ``token_variable``: the environment variable the provider's token is read
    from (``HUBSPOT_ACCESS_TOKEN``); ``env_keys``: the key variables whose reads
    in the tested code (at request time) now read it; ``module_keys``: the
    (module stem, name) keys the tested modules now read the token in place of;
    ``made_up``: the (line, column) of the made-up key literals the test hands
    to parameters that take a token now."""

    token_variable: str
    env_keys: frozenset[str] = frozenset()
    module_keys: frozenset[tuple[str, str]] = frozenset()
    made_up: frozenset[tuple[int, int]] = frozenset()
    # patched functions (``requests.get``) every call of which in the tested
    # code gives ``headers=`` a display holding the Authorization header
    headers_sent: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Outcome:
    """The module's new text (None: unchanged), the sites (line, column)
    rewritten, and why each other site stays."""

    text: str | None
    rewritten: frozenset[tuple[int, int]]
    reasons: tuple[tuple[tuple[int, int], str], ...]
    # the lines setting a key's variable that now set the token's beside it:
    # (line, column, end line, end column, the key's variable)
    settings: tuple[tuple[int, int, int, int, str], ...] = ()


@dataclass(frozen=True)
class _Setup:
    """A key the test gives: its value, and the edits that make the migrated
    code get it as the token (node -> replacement, statement -> statements
    added after it)."""

    value: str
    replace: tuple[tuple[cst.CSTNode, cst.CSTNode], ...] = ()
    after: tuple[tuple[cst.CSTNode, tuple[cst.BaseStatement, ...]], ...] = ()
    names: tuple[str, ...] = ()  # module-level names the edits use (os, mock)
    # a key's variable set here ((node, variable)): the token's is set beside it
    settings: tuple[tuple[cst.CSTNode, str], ...] = ()


@dataclass(frozen=True)
class _Expectation:
    node: cst.CSTNode
    value: str  # the key it names (lower-cased for requests_mock's qs)
    lowered: bool
    rebuild: object  # (value) -> replacement node


def rewrite(source: str, sites: Iterable[tuple[int, int]], facts: Facts) -> Outcome:
    """Rewrite the test functions of ``source`` holding ``sites`` (1-based
    line and column of each manual key site), where provable."""
    sites = sorted(set(sites))
    try:
        module = cst.parse_module(source)
    except cst.ParserSyntaxError:
        return Outcome(None, frozenset(), ())
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    positions = wrapper.resolve(PositionProvider)
    functions = _test_functions(module)
    reasons: dict[tuple[int, int], str] = {}
    replace: dict[cst.CSTNode, cst.CSTNode] = {}
    after: dict[cst.CSTNode, list[cst.BaseStatement]] = {}
    names: set[str] = set()
    done: set[tuple[int, int]] = set()
    settings: set[tuple[int, int, int, int, str]] = set()
    by_function: dict[cst.FunctionDef, list[tuple[int, int]]] = {}
    for site in sites:
        owner = _innermost(functions, positions, site)
        if owner is None:
            reasons[site] = NOT_IN_A_TEST
        else:
            by_function.setdefault(owner[0], []).append(site)
    bound = _module_bindings(module)
    for function, owned in by_function.items():
        cls = next(c for f, c in functions if f is function)
        problem, edits = _decide(function, cls, owned, positions, facts, bound)
        if problem is not None:
            reasons.update((s, problem) for s in owned)
            continue
        setup, expectations = edits
        for node, build in setup.replace:
            replace[node] = build
        for node, stmts in setup.after:
            known = after.setdefault(node, [])
            if not known:
                known.extend(stmts)
        for e in expectations:
            replace[e.node] = _rebuilt(e, setup.value)
        names.update(setup.names)
        for node, variable in setup.settings:
            where = positions[node]
            settings.add(
                (where.start.line, where.start.column + 1, where.end.line)
                + (where.end.column + 1, variable)
            )
        done.update(owned)
        reasons.update((s, REWRITTEN.format(_kind(setup))) for s in owned)
    if not done:
        return Outcome(None, frozenset(), tuple(sorted(reasons.items())))
    new = module.visit(_Edits(replace, after))
    new = _with_imports(new, names, bound)
    return Outcome(
        new.code,
        frozenset(done),
        tuple(sorted(reasons.items())),
        tuple(sorted(settings)),
    )


def _rebuilt(expectation: _Expectation, value: str):
    return lambda _: expectation.rebuild(value)


def _kind(setup: _Setup) -> str:
    if setup.names or setup.after or setup.replace:
        return "its key's variable set to the token's too, for the test"
    return "a made-up key handed to a parameter that takes a token now"


# ---------------------------------------------------------------- the tests


def _test_functions(
    module: cst.Module,
) -> list[tuple[cst.FunctionDef, cst.ClassDef | None]]:
    out: list[tuple[cst.FunctionDef, cst.ClassDef | None]] = []
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            out.append((stmt, None))
        elif isinstance(stmt, cst.ClassDef):
            out.extend(
                (s, stmt) for s in stmt.body.body if isinstance(s, cst.FunctionDef)
            )
    return out


def _within(where: CodeRange, site: tuple[int, int]) -> bool:
    line, column = site[0], site[1] - 1
    start, end = (where.start.line, where.start.column), (
        where.end.line,
        where.end.column,
    )
    return start <= (line, column) < end


def _innermost(functions, positions, site):
    for function, cls in functions:
        if _within(positions[function], site):
            return function, cls
    return None


def _module_bindings(module: cst.Module) -> dict[str, str]:
    """Top-level names -> "os", "mock" for those imports, else "other"."""
    bound: dict[str, str] = {}
    for stmt in module.body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            bound[stmt.name.value] = "other"
            continue
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    full = _dotted(alias.name)
                    name = _alias(alias) or full.split(".")[0]
                    bound[name] = full if not _alias(alias) else full
            elif isinstance(small, cst.ImportFrom) and not isinstance(
                small.names, cst.ImportStar
            ):
                source = _dotted(small.module) if small.module else ""
                for alias in small.names:
                    name = _alias(alias) or _dotted(alias.name)
                    bound[name] = f"{source}.{_dotted(alias.name)}"
            elif isinstance(small, (cst.Assign, cst.AnnAssign)):
                for target in getattr(small, "targets", ()) or ():
                    if isinstance(target.target, cst.Name):
                        bound[target.target.value] = "other"
    return bound


def _alias(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return ""


def _dotted(node: cst.BaseExpression | None) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


# ------------------------------------------------------------- one function


def _decide(function, cls, owned, positions, facts, bound):
    """(problem, None) or (None, (setup, expectations)) for one function."""
    receivers = _Receivers(_receivers(function, bound))
    receivers.calls = _patched_calls(function, cls, facts.headers_sent)
    receivers.aliases = _aliases(function)
    expectations = list(_expectations(function, receivers))
    covered = []
    for site in owned:
        found = [e for e in expectations if _within(positions[e.node], site)]
        if not found:
            return SHAPE, None
        covered.extend(found)
    other = _other_checks(function, covered)
    if other is not None:
        return other, None
    setups = list(_setups(function, cls, positions, facts, bound))
    if not setups:
        return NO_VALUE, None
    values = {s.value for s in setups}
    if len(values) != 1:
        return VALUES, None
    value = values.pop()
    for e in covered:
        if e.value != (value.lower() if e.lowered else value):
            return VALUES, None
    merged = _Setup(
        value,
        tuple(r for s in setups for r in s.replace),
        tuple(a for s in setups for a in s.after),
        tuple(n for s in setups for n in s.names),
        tuple(w for s in setups for w in s.settings),
    )
    around = _code(cls) if cls is not None else _code(function)
    for name in merged.names:
        if bound.get(name, name) not in _BINDS[name]:
            return NAMES.format(name), None
        # a local or a parameter of that name (mock = MagicMock(), a
        # @mock.patch argument) would be what the inserted setup calls
        if re.search(rf"(?<![.\w]){name}\s*(?:=(?!=)|[,)]|:\s*\w)", around):
            return NAMES.format(name), None
    return None, (merged, covered)


_BINDS = {"os": ("os",), "mock": ("mock", "unittest.mock")}

OTHER_CHECKS = (
    "this test also checks the request in a way that changes when the key moves "
    "to a header ({}): change it by hand"
)
ENVIRONMENT_CHANGED = (
    "this test changes the environment ({}), where the token's variable would be "
    "read: change it by hand"
)
# a read of what was sent beside the statements rewritten: len(qs), headers
# membership, the whole call compared (review 18's T12, T14)
# a read of what was sent, beside the statements rewritten: any, but one
# parameter or header by another name (qs["email"]) or a substring of the URL
# without the key (review 18's T12, T14, T24: len(qs), sorted(qs), headers.get
# ("Authorization"), call_args.kwargs == {...}, assert_called_with(...))
_RECORDED = re.compile(
    r"\.(?:qs|headers|params|url|call_args|kwargs|mock_calls|call_args_list)\b"
    r"|\bassert_(?:called\w*|any_call|has_calls)\b"
)
_ONE_ENTRY = re.compile(r"""\s*(?:\[|\.get\()\s*['"]([\w-]+)['"]""")
_IN_URL = re.compile(r"""['"]([^'"]*)['"]\s+(?:not\s+)?in\s+[\w.\[\]()]*$""")


def _recorded_read(text: str) -> str | None:
    """The first read of the recorded request or call that the header's move
    may change, as written."""
    for match in _RECORDED.finditer(text):
        what = match.group(0).lstrip(".")
        after = text[match.end() : match.end() + 60]
        line = text[text.rfind("\n", 0, match.start()) + 1 : match.start()]
        entry = _ONE_ENTRY.match(after)
        if what in ("qs", "headers", "params") and entry is not None:
            if entry.group(1).lower() not in ("hapikey", "authorization"):
                continue  # another parameter or header, by its name
        if what == "call_args" and re.match(
            r"\s*(?:\[0\]\s*\[0\]|\.args\s*\[0\])", after
        ):
            continue  # the URL it was given (its checks naming the key are sites)
        if what == "url":
            within = _IN_URL.search(line)
            if within is not None and "hapikey" not in within.group(1).lower():
                continue  # a substring of the URL without the key
        return what
    return None


# the environment emptied or a variable removed (review 18's T11)
_ENVIRONMENT = re.compile(
    r"\bclear\s*=\s*True|\bdelenv\b|environ\.(?:pop|clear|popitem)\b|\bdel\s+os\.environ"
    r"""|setattr\(\s*os\s*,\s*['"]environ['"]|patch\(\s*['"]os\.environ['"]"""
    r"|\bos\.environ\s*=(?!=)"  # review 18's T26: the environment replaced
)


def _other_checks(function: cst.FunctionDef, covered) -> str | None:
    """Why the test's other statements would not hold with the header: they
    read the recorded request or the mocked call beside the rewritten checks,
    or change the environment the token is read from."""
    text = _code(function)
    for e in covered:
        text = text.replace(_code(e.node), "", 1)
    environment = _ENVIRONMENT.search(text)
    if environment is not None:
        return ENVIRONMENT_CHANGED.format(environment.group(0))
    recorded = _recorded_read(text)
    if recorded is not None:
        return OTHER_CHECKS.format(recorded)
    return None


def _setups(function, cls, positions, facts, bound):
    """The keys the test gives, with the edits that make them the token."""
    scopes = [function]
    if cls is not None:
        scopes += [
            s
            for s in cls.body.body
            if isinstance(s, cst.FunctionDef) and s.name.value == "setUp"
        ]
    for scope in scopes:
        unittest_method = (
            cls is not None
            and _first_parameter(scope) == "self"
            and any(_dotted(b.value).endswith("TestCase") for b in cls.bases)
        )
        for node in _walk(scope):
            if (
                isinstance(node, cst.SimpleString)
                and _start(positions, node) in facts.made_up
            ):
                value = _text(node)
                if value is not None:
                    yield _Setup(value)
            elif (
                isinstance(node, cst.Call) and _start(positions, node) in facts.made_up
            ):
                # Settings(api_key="test-key") handed in: its one keyword given
                # a string is the field the token comes from
                given = [
                    _text(a.value)
                    for a in node.args
                    if a.keyword is not None and isinstance(a.value, cst.SimpleString)
                ]
                if len(given) == 1 and given[0] is not None:
                    yield _Setup(given[0])
            elif isinstance(node, cst.Call):
                yield from _call_setups(node, facts)
            elif isinstance(node, cst.With):
                yield from _with_setups(node, facts)
        for stmt in _statements(scope):
            if unittest_method:
                yield from _attribute_setup(stmt, facts)
            yield from _monkeypatch_setups(stmt, facts)


def _first_parameter(function: cst.FunctionDef) -> str:
    params = function.params.params
    return params[0].name.value if params else ""


def _start(positions, node) -> tuple[int, int]:
    where = positions[node].start
    return where.line, where.column + 1


def _walk(node: cst.CSTNode):
    yield node
    for child in node.children:
        yield from _walk(child)


def _statements(function: cst.FunctionDef):
    """The simple statements of a function's own body, at its top level."""
    body = function.body
    for stmt in getattr(body, "body", ()):
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1:
            yield stmt


def _text(node: cst.BaseExpression) -> str | None:
    """A plain string literal's value (no prefix, no escapes)."""
    if not isinstance(node, cst.SimpleString) or node.prefix:
        return None
    value = node.evaluated_value
    if not isinstance(value, str) or "\\" in node.value:
        return None
    return value


def _env_patch_dict(call: cst.Call) -> cst.Dict | None:
    name = _dotted(call.func)
    if not (name == "patch.dict" or name.endswith(".patch.dict")):
        return None
    args = call.args
    if len(args) < 2 or args[0].keyword or args[1].keyword:
        return None
    code = cst.Module([]).code_for_node(args[0].value)
    if code not in ENV_TARGETS or not isinstance(args[1].value, cst.Dict):
        return None
    return args[1].value


def _call_setups(call: cst.Call, facts: Facts):
    table = _env_patch_dict(call)
    if table is not None:
        entries = {}
        for element in table.elements:
            if not isinstance(element, cst.DictElement):
                return
            key, value = _text(element.key), _text(element.value)
            if key is None:
                return
            entries[key] = (value, element)
        if facts.token_variable in entries:
            return
        for key, (value, element) in entries.items():
            if key in facts.env_keys and value is not None:
                added = cst.DictElement(
                    cst.SimpleString(_quote(facts.token_variable)),
                    cst.SimpleString(_quote(value)),
                )

                def build(updated, added=added):
                    return updated.with_changes(
                        elements=[*_comma_all(updated.elements), added]
                    )

                yield _Setup(value, replace=((table, build),), settings=((call, key),))
                return
    return


def _comma_all(elements):
    out = list(elements)
    if out and out[-1].comma is cst.MaybeSentinel.DEFAULT:
        out[-1] = out[-1].with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
    return out


def _with_setups(node: cst.With, facts: Facts):
    """``with mock.patch.object(mod, "KEY", "v"):``: the token's variable
    patched beside it, as another item of the same ``with``."""
    for index, item in enumerate(node.items):
        call = item.item
        if not isinstance(call, cst.Call):
            continue
        name = _dotted(call.func)
        if not name.endswith("patch.object") or len(call.args) != 3:
            continue
        target, attribute, value = (a.value for a in call.args)
        key = (_dotted(target).split(".")[-1], _text(attribute) or "")
        given = _text(value)
        if key not in facts.module_keys or given is None:
            continue
        prefix = name[: -len("patch.object")]  # "mock." or ""
        if prefix not in ("mock.", ""):
            continue
        patch = cst.parse_expression(
            f"{prefix}patch.dict(os.environ, {{{_quote(facts.token_variable)}: "
            f"{_quote(given)}}})"
        )
        if not prefix:
            return  # a bare patch: where it comes from is not checked

        def build(updated, index=index, patch=patch):
            items = list(updated.items)
            item = items[index]
            items[index] = item.with_changes(
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            )
            items.insert(index + 1, cst.WithItem(patch, comma=item.comma))
            return updated.with_changes(items=items)

        yield _Setup(given, replace=((node, build),), names=("os", "mock"))
        return


def _attribute_setup(stmt: cst.SimpleStatementLine, facts: Facts):
    """``mod.API_KEY = "v"`` in a unittest method (setUp): the token's
    variable patched for the test, undone by ``addCleanup``; and
    ``monkeypatch.setattr(mod, "API_KEY", "v")`` /
    ``monkeypatch.setenv("HUBSPOT_API_KEY", "v")``: ``monkeypatch.setenv`` of
    the token's variable after it."""
    small = stmt.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1:
        target = small.targets[0].target
        given = _text(small.value)
        if (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and (target.value.value, target.attr.value) in facts.module_keys
            and given is not None
        ):
            token = _quote(facts.token_variable)
            lines = [
                f"_token = mock.patch.dict(os.environ, {{{token}: {_quote(given)}}})",
                "_token.start()",
                "self.addCleanup(_token.stop)",
            ]
            stmts = tuple(cst.parse_statement(line) for line in lines)
            yield _Setup(given, after=((stmt, stmts),), names=("os", "mock"))


def _monkeypatch_setups(stmt: cst.SimpleStatementLine, facts: Facts):
    small = stmt.body[0]
    if not (isinstance(small, cst.Expr) and isinstance(small.value, cst.Call)):
        return
    call = small.value
    name = _dotted(call.func)
    if name not in ("monkeypatch.setenv", "monkeypatch.setattr"):
        return
    values = [a.value for a in call.args if not a.keyword]
    given = None
    if name == "monkeypatch.setenv" and len(values) == 2:
        if _text(values[0]) in facts.env_keys:
            given = _text(values[1])
    elif name == "monkeypatch.setenv":
        return
    elif len(values) == 3:
        key = (_dotted(values[0]).split(".")[-1], _text(values[1]) or "")
        if key in facts.module_keys:
            given = _text(values[2])
    elif len(values) == 2 and _text(values[0]):
        stem, _, attribute = (_text(values[0]) or "").rpartition(".")
        if (stem.split(".")[-1], attribute) in facts.module_keys:
            given = _text(values[1])
    if given is None:
        return
    line = f"monkeypatch.setenv({_quote(facts.token_variable)}, {_quote(given)})"
    settings = ((stmt, _text(values[0]) or ""),) if name.endswith("setenv") else ()
    yield _Setup(
        given, after=((stmt, (cst.parse_statement(line),)),), settings=settings
    )


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------- expectations


MOCKERS = frozenset(
    {"responses.RequestsMock", "requests_mock.Mocker", "requests_mock.mock"}
)


def _receivers(function: cst.FunctionDef, bound: dict[str, str]) -> dict[str, bool]:
    """The names of the HTTP mocks in ``function``: ``responses`` (the module),
    ``with requests_mock.Mocker() as m`` (or ``responses.RequestsMock()``), the
    ``requests_mock`` fixture, the mocker ``@requests_mock.Mocker()`` hands in;
    each with whether it matches query values lower-cased (requests_mock's
    default; one given arguments is not known)."""
    found = {"responses": False} if bound.get("responses") == "responses" else {}

    def mocker(node: cst.BaseExpression) -> str:
        if not isinstance(node, cst.Call) or node.args:
            return ""
        name = _dotted(node.func)
        head, _, rest = name.partition(".")
        full = f"{bound.get(head, head)}.{rest}" if rest else bound.get(name, "")
        return full if full in MOCKERS else ""

    for node in _walk(function):
        if isinstance(node, cst.WithItem) and mocker(node.item):
            if node.asname is not None and isinstance(node.asname.name, cst.Name):
                lowers = mocker(node.item).startswith("requests_mock.")
                found[node.asname.name.value] = lowers
    params = [p.name.value for p in function.params.params]
    if "requests_mock" in params:
        found["requests_mock"] = True
    decorators = [mocker(d.decorator) for d in function.decorators]
    if params and any(d.startswith("requests_mock.") for d in decorators):
        found[params[-1]] = True
    return found


class _Receivers(dict):
    """The HTTP mocks of a test function (name -> whether it lower-cases
    query values), with ``calls``: the mocks of patched functions whose every
    call the migrated code gives the header (``get`` of
    ``@mock.patch("app.requests.get")``), and ``aliases``: names bound once to
    an expression."""

    calls: frozenset[str] = frozenset()
    aliases: dict[str, cst.BaseExpression] = {}


def _patched_calls(
    function: cst.FunctionDef, cls: cst.ClassDef | None, sent: frozenset[str]
) -> frozenset[str]:
    """The parameters ``@mock.patch("app.requests.get")`` decorators hand
    ``function`` (the nearest decorator's first), for the targets ``sent``
    names (``requests.get``: every call of it in the tested code gives the
    header); none when a decorator's injection is not understood."""
    injected: list[str] = []
    for decorator in reversed(function.decorators):
        call = decorator.decorator
        if not isinstance(call, cst.Call):
            continue
        name = _dotted(call.func)
        if not (
            name.endswith("patch") or ".patch." in name or name.startswith("patch.")
        ):
            continue
        if name not in ("mock.patch", "patch", "unittest.mock.patch"):
            return frozenset()  # patch.object, patch.dict...: not followed
        positional = [a for a in call.args if a.keyword is None]
        keywords = {a.keyword.value for a in call.args if a.keyword is not None}
        if len(positional) != 1 or "new" in keywords or "new_callable" in keywords:
            return frozenset()
        target = _text(positional[0].value) or ""
        injected.append(".".join(target.split(".")[-2:]))
    params = [p.name.value for p in function.params.params]
    if cls is not None:
        params = params[1:]  # self
    if len(params) < len(injected):
        return frozenset()
    return frozenset(p for p, t in zip(params, injected) if t in sent)


def _aliases(function: cst.FunctionDef) -> dict[str, cst.BaseExpression]:
    """Names the function binds exactly once (``url = get.call_args[0][0]``),
    to what; a name bound any other way too is none."""
    bound: dict[str, list[cst.BaseExpression | None]] = {}
    for node in _walk(function.body):
        targets: list[cst.CSTNode] = []
        if isinstance(node, cst.Assign):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    bound.setdefault(target.target.value, []).append(node.value)
                else:
                    targets.append(target.target)
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign, cst.For)):
            targets.append(node.target)
        elif isinstance(node, (cst.WithItem, cst.ExceptHandler)) and node.asname:
            targets.append(node.asname.name)
        elif isinstance(node, cst.NamedExpr):
            targets.append(node.target)
        for target in targets:
            for name in _walk(target):
                if isinstance(name, cst.Name):
                    bound.setdefault(name.value, []).extend([None, None])
    return {n: v[0] for n, v in bound.items() if len(v) == 1 and v[0] is not None}


def _expectations(function: cst.FunctionDef, receivers: dict[str, bool]):
    for node in _walk(function):
        if isinstance(node, cst.Call):
            found = (
                _mock_registration(node, receivers)
                or _assert_in(node, receivers)
                or _assert_equal(node, receivers)
            )
            if found is not None:
                yield found
        elif isinstance(node, cst.Comparison):
            found = _url_comparison(node, receivers) or _qs_comparison(node, receivers)
            if found is not None:
                yield found


def _request(node: cst.BaseExpression, receivers: dict[str, bool]) -> bool:
    """``X.calls[i].request``, ``X.last_request``, ``X.request_history[i]``
    of a mock ``X``."""
    if isinstance(node, cst.Attribute) and node.attr.value == "last_request":
        return _dotted(node.value) in receivers
    if isinstance(node, cst.Attribute) and node.attr.value == "request":
        node = node.value
        wanted = "calls"
    else:
        wanted = "request_history"
    return (
        isinstance(node, cst.Subscript)
        and len(node.slice) == 1
        and isinstance(node.slice[0].slice, cst.Index)
        and isinstance(node.slice[0].slice.value, cst.Integer)
        and isinstance(node.value, cst.Attribute)
        and node.value.attr.value == wanted
        and _dotted(node.value.value) in receivers
    )


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _header(request: cst.BaseExpression) -> str:
    return AUTHORIZATION.format(_code(request))


def _url_of(node: cst.BaseExpression, receivers) -> str | None:
    """The Authorization header of the request whose URL this is: of a
    mocked transport's request (``.url``), or of a call of a patched
    function (``get.call_args[0][0]``, or a name bound to it once)."""
    if (
        isinstance(node, cst.Attribute)
        and node.attr.value == "url"
        and _request(node.value, receivers)
    ):
        return _header(node.value)
    if isinstance(node, cst.Name) and node.value in receivers.aliases:
        node = receivers.aliases[node.value]
    call = _positional_of_call(node, receivers.calls)
    if call is not None:
        return f'{_code(call)}[1]["headers"]["Authorization"]'
    return None


def _positional_of_call(node: cst.BaseExpression, calls: frozenset[str]):
    """The call of ``get.call_args[0][0]``, ``get.call_args.args[0]``,
    ``get.call_args_list[i][0][0]``, ``get.call_args_list[i].args[0]`` (a
    positional argument of a call of a patched function in ``calls``)."""
    if not (isinstance(node, cst.Subscript) and _integer_index(node) is not None):
        return None
    inner = node.value
    if isinstance(inner, cst.Attribute) and inner.attr.value == "args":
        call = inner.value
    elif isinstance(inner, cst.Subscript) and _integer_index(inner) == 0:
        call = inner.value
    else:
        return None
    if isinstance(call, cst.Attribute) and call.attr.value == "call_args":
        mock = call.value
    elif (
        isinstance(call, cst.Subscript)
        and _integer_index(call) is not None
        and isinstance(call.value, cst.Attribute)
        and call.value.attr.value == "call_args_list"
    ):
        mock = call.value.value
    else:
        return None
    return call if isinstance(mock, cst.Name) and mock.value in calls else None


def _integer_index(node: cst.Subscript) -> int | None:
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    value = node.slice[0].slice.value
    return int(value.value) if isinstance(value, cst.Integer) else None


def _key_text(node: cst.BaseExpression) -> str | None:
    text = _text(node)
    if text is None or not text.startswith("hapikey="):
        return None
    value = text[len("hapikey=") :]
    # the key as a URL writes it: a value quoted there reads otherwise
    return value if value and quote(value, safe="-_.~") == value else None


def _assert_in(call: cst.Call, receivers) -> _Expectation | None:
    """``self.assertIn("hapikey=v", <request>.url)``."""
    if _dotted(call.func) != "self.assertIn" or len(call.args) != 2:
        return None
    if any(a.keyword for a in call.args):
        return None
    value, request = _key_text(call.args[0].value), _url_of(
        call.args[1].value, receivers
    )
    if value is None or request is None:
        return None

    def rebuild(given: str) -> cst.CSTNode:
        return cst.parse_expression(
            f"self.assertEqual({request}, {_quote('Bearer ' + given)})"
        )

    return _Expectation(call, value, False, rebuild)


def _url_comparison(node: cst.Comparison, receivers) -> _Expectation | None:
    """``"hapikey=v" in <request>.url``."""
    if len(node.comparisons) != 1 or not isinstance(
        node.comparisons[0].operator, cst.In
    ):
        return None
    value = _key_text(node.left)
    request = _url_of(node.comparisons[0].comparator, receivers)
    if value is None or request is None or node.lpar:
        return None

    def rebuild(given: str) -> cst.CSTNode:
        return cst.parse_expression(f"{request} == {_quote('Bearer ' + given)}")

    return _Expectation(node, value, False, rebuild)


def _qs_read(node: cst.BaseExpression, receivers) -> cst.BaseExpression | None:
    """The request of ``<request>.qs["hapikey"]``."""
    if not (isinstance(node, cst.Subscript) and len(node.slice) == 1):
        return None
    index = node.slice[0].slice
    if not (isinstance(index, cst.Index) and _text(index.value) == "hapikey"):
        return None
    owner = node.value
    if (
        isinstance(owner, cst.Attribute)
        and owner.attr.value == "qs"
        and _request(owner.value, receivers)
    ):
        return owner.value
    return None


def _one_value(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.List) and len(node.elements) == 1:
        return _text(node.elements[0].value)
    return None


def _qs_comparison(node: cst.Comparison, receivers) -> _Expectation | None:
    """``<request>.qs["hapikey"] == ["v"]`` (either side)."""
    if len(node.comparisons) != 1 or not isinstance(
        node.comparisons[0].operator, cst.Equal
    ):
        return None
    left, right = node.left, node.comparisons[0].comparator
    request, value = _qs_read(left, receivers), _one_value(right)
    if request is None:
        request, value = _qs_read(right, receivers), _one_value(left)
    if request is None or value is None or node.lpar:
        return None

    def rebuild(given: str) -> cst.CSTNode:
        return cst.parse_expression(
            f"{_header(request)} == {_quote('Bearer ' + given)}"
        )

    return _Expectation(node, value, True, rebuild)


def _assert_equal(call: cst.Call, receivers) -> _Expectation | None:
    """``self.assertEqual(<request>.qs["hapikey"], ["v"])`` (either order)."""
    if _dotted(call.func) not in ("self.assertEqual", "self.assertEquals"):
        return None
    if len(call.args) != 2 or any(a.keyword for a in call.args):
        return None
    first, second = (a.value for a in call.args)
    request, value = _qs_read(first, receivers), _one_value(second)
    if request is None:
        request, value = _qs_read(second, receivers), _one_value(first)
    if request is None or value is None:
        return None
    name = _dotted(call.func)

    def rebuild(given: str) -> cst.CSTNode:
        return cst.parse_expression(
            f"{name}({_header(request)}, {_quote('Bearer ' + given)})"
        )

    return _Expectation(call, value, True, rebuild)


def _mock_registration(call: cst.Call, receivers: dict) -> _Expectation | None:
    """``responses.add(GET, "<url>?hapikey=v")``, ``m.get("<url>?hapikey=v")``:
    the mock is registered for the URL without the key."""
    if (
        not isinstance(call.func, cst.Attribute)
        or call.func.attr.value not in MOCK_METHODS
    ):
        return None
    if _dotted(call.func.value) not in receivers:
        return None
    for index, arg in enumerate(call.args):
        named = arg.keyword.value if arg.keyword else None
        if named not in (None, "url"):
            continue
        cut = _without_key(arg.value)
        if cut is None:
            continue
        value, new_text = cut

        def rebuild(given: str, index=index, new_text=new_text) -> cst.CSTNode:
            args = list(call.args)
            literal = args[index].value
            quote = literal.value[0] if literal.value[0] in "'\"" else '"'
            if literal.value.startswith(quote * 3):
                quote = quote * 3
            args[index] = args[index].with_changes(
                value=literal.with_changes(value=quote + new_text + quote)
            )
            return call.with_changes(args=args)

        lowers = receivers[_dotted(call.func.value)]
        return _Expectation(call, value.lower() if lowers else value, lowers, rebuild)
    return None


def _without_key(node: cst.BaseExpression) -> tuple[str, str] | None:
    """(the key's value, the URL without its hapikey parameter)."""
    text = _text(node)
    if text is None or "?" not in text or "#" in text:
        return None
    base, _, query = text.partition("?")
    pairs = query.split("&")
    keyed = [p for p in pairs if p.split("=", 1)[0] == "hapikey"]
    if len(keyed) != 1 or "=" not in keyed[0]:
        return None
    value = unquote(keyed[0].split("=", 1)[1])
    rest = [p for p in pairs if p is not keyed[0]]
    if not value:
        return None
    quote = node.value[0]
    new = base + ("?" + "&".join(rest) if rest else "")
    if quote in new:
        return None
    return value, new


# ----------------------------------------------------------------- editing


class _Edits(cst.CSTTransformer):
    def __init__(self, replace, after):
        self.replace = replace
        self.after = after

    def on_leave(self, original, updated):
        updated = super().on_leave(original, updated)
        if original in self.replace:
            return self.replace[original](updated)
        return updated

    def leave_IndentedBlock(self, original, updated):
        if not any(s in self.after for s in original.body):
            return updated
        body = []
        for old, new in zip(original.body, updated.body):
            body.append(new)
            body.extend(self.after.get(old, ()))
        return updated.with_changes(body=body)


def _with_imports(
    module: cst.Module, names: set[str], bound: dict[str, str]
) -> cst.Module:
    lines = []
    if "os" in names and "os" not in bound:
        lines.append("import os")
    if "mock" in names and "mock" not in bound:
        lines.append("from unittest import mock")
    if not lines:
        return module
    body = list(module.body)
    place = 0
    for index, stmt in enumerate(body):
        if isinstance(stmt, cst.SimpleStatementLine) and isinstance(
            stmt.body[0], (cst.Import, cst.ImportFrom)
        ):
            place = index + 1
        elif (
            index == 0
            and isinstance(stmt, cst.SimpleStatementLine)
            and isinstance(stmt.body[0], cst.Expr)
        ):
            place = 1  # after the docstring
    new = [cst.parse_statement(line) for line in lines]
    return module.with_changes(body=[*body[:place], *new, *body[place:]])
