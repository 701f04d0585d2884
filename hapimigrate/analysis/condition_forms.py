"""Whether the code's own condition over the key can let a form URL through.

    def send(method, url, **kwargs):
        if "hubspot" in url:
            kwargs["params"] = dict(kwargs.get("params") or {}, hapikey=KEY)
        return requests.request(method, url, **kwargs)

Migrated, the header goes under the same condition (``guarded_header``). A
form submission's URL (``https://forms.hubspot.com/uploads/form/v2/...``)
passes ``"hubspot" in url`` as well: handed such a URL, or one known only at
run time, the helper would send the token with a visitor's submission (review
26, R8). A condition that only tests the URL against literals none of which
is part of a form submission URL (``urlparse(url).hostname in ("api.hubapi.com",)``,
``"hubapi" in url``, ``url.startswith(API)``) cannot admit one; anything else
(a negation, another branch, a flag, a function of the code's own) may.
"""

from __future__ import annotations

import libcst as cst
import libcst.metadata

from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext, walk

# what form submissions' URLs look like (hubspot.py's no-auth endpoints)
_FORM_URLS = (
    "https://forms.hubspot.com/uploads/form/v2/",
    "https://api.hsforms.com/submissions/v3/integration/submit/",
    "https://forms.hsforms.com/submissions/v3/public/submit/formsnext/",
    "https://share.hsforms.com/",
)
# calls a URL test may make without deciding anything of its own
_NEUTRAL_CALLS = {
    "urlparse",
    "urlsplit",
    "startswith",
    "endswith",
    "lower",
    "casefold",
    "strip",
}


def admits_forms(ctx: ModuleContext, statement: cst.CSTNode) -> bool:
    """Whether a form submission's URL may reach ``statement`` (the one adding
    the key) through the ``if`` tests around it in its function."""
    tests = []
    node = statement
    while True:
        parent = ctx.parent(node)
        if parent is None or isinstance(parent, (cst.FunctionDef, cst.Module)):
            break
        if isinstance(parent, cst.Else) or (
            isinstance(parent, cst.If) and node is parent.orelse
        ):
            return True  # the key on the test's other side: a negation
        if isinstance(parent, cst.If) and node is parent.body:
            tests.append(parent.test)
        node = parent
    if not tests:
        return True
    return any(_admits(ctx, test) for test in tests)


def _admits(ctx: ModuleContext, test: cst.BaseExpression) -> bool:
    literals: list[str] = []
    for part in walk(test):
        if isinstance(part, cst.UnaryOperation) and isinstance(part.operator, cst.Not):
            return True
        if isinstance(part, cst.BooleanOperation) and isinstance(part.operator, cst.Or):
            continue  # any side may admit: each side's literals are counted
        if isinstance(part, cst.ComparisonTarget) and isinstance(
            part.operator, (cst.NotIn, cst.NotEqual, cst.IsNot)
        ):
            return True
        if isinstance(part, cst.Call):
            func = part.func
            name = (
                func.attr.value
                if isinstance(func, cst.Attribute)
                else func.value if isinstance(func, cst.Name) else ""
            )
            if name not in _NEUTRAL_CALLS:
                return True  # _is_hubspot(url): the code's own test
        if isinstance(part, cst.SimpleString):
            literals.append(part.evaluated_value)
        elif isinstance(part, cst.Name) and ctx.parent(part) is not None:
            literals.extend(_constant_strings(ctx, part))
    if not literals:
        return True  # a flag, a setting: not a test of the URL's host
    return any(
        isinstance(text, str) and any(text.lower() in url for url in _FORM_URLS)
        for text in literals
    )


def _constant_strings(ctx: ModuleContext, name: cst.Name) -> list[str]:
    """The strings a module-level constant bound once holds (``HOSTS =
    ("api.hubapi.com",)``); [] for anything else."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1:
        return []
    target = getattr(bindings[0], "node", None)
    if not isinstance(target, cst.Name) or not isinstance(
        ctx.lexical_scope(target), cst.metadata.GlobalScope
    ):
        return []
    value = values.assigned_value(ctx, target)
    if value is None:
        return [""]  # bound another way: may hold anything
    parts = (
        [e.value for e in value.elements]
        if isinstance(value, (cst.Tuple, cst.List, cst.Set))
        else [value]
    )
    if not all(isinstance(p, cst.SimpleString) for p in parts):
        return [""]  # not literals: may hold anything (and "" is in every URL)
    return [p.evaluated_value for p in parts]
