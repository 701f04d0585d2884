"""A ``functools.partial`` binding the key that other modules import and call
(issue #12): what the partial is, and whether each call elsewhere keeps it.

    # importer/api.py
    post = functools.partial(requests.post, params={"hapikey": API_KEY}, timeout=30)
    # importer/contacts.py
    from .api import BASE, post
    resp = post(BASE + "/contacts/v1/contact/batch/", json=payload)

:mod:`hapimigrate.analysis.partials` follows a partial whose calls are all in
its own module. A module-level partial no code of its module reads is exported
instead as a carrier (:mod:`hapimigrate.fixers.across_modules`), marked with the
request function it wraps (:func:`exported`); each module importing it checks
every read of it (:func:`call_problem`) with the proofs the partial's own
module asks of its calls: the read is a call (not handed on, stored, read as an
attribute), passing no ``headers=`` (which replaces the partial's, dropping the
header), no ``params=`` (which replaces the bound params: that call sent no key
and must not get the token), no ``auth=``, no ``*``/``**`` nor arguments by
position past the URL, and its URL names one of HubSpot's API hosts in the
source. The carrier machinery then changes the partial (the key dropped, the
header added there) only when every read in every module passes; one that does
not leaves the partial and every call as they are, each a manual site. A
partial its own module calls too is checked there by :mod:`partials` and
exported marked the same way once its module's calls migrate
(:func:`hapimigrate.fixers.partial_readers.marked`). Not followed, so manual as
before: a partial binding the URL (its calls give no URL to check), or a name
listed in ``__all__`` (code outside the tree may call it).
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import partials, values
from hapimigrate.analysis.http_calls import HttpCall
from hapimigrate.model import Carrier
from hapimigrate.python.context import ModuleContext

# the HTTP method each request function sends ("request"/"stream": a parameter)
_METHODS = {
    verb: verb.upper() for verb in ("get", "post", "put", "patch", "delete", "head")
} | {"options": "OPTIONS"}

URL_BOUND = (
    "the functools.partial() binding the key binds the URL too, and other "
    "modules call it: their requests are not followed"
)
NOT_CALLED_HERE = (
    "{} of {}.py, a functools.partial() binding the key, is {} at line {}, where "
    "its calls are not seen"
)


@dataclass(frozen=True)
class Exported:
    """A module-level partial binding the key that no code of its module
    reads: the request it makes (its URL's index counted in the partial's
    arguments, the function first), how the key is bound, the request
    function's name (``post``), how many arguments it binds by position after
    the function, and why its calls elsewhere cannot take the header (None:
    they may, if each passes :func:`call_problem`)."""

    info: HttpCall
    role: str
    verb: str
    bound: int
    problem: str | None


def exported(ctx: ModuleContext, partial: cst.Call) -> Exported | None:
    """What other modules' calls of ``partial`` send, once
    :func:`partials.bound` found it bound to a module-level name called
    nowhere in its module (so every condition of the partial itself held: a
    request function hapimigrate knows, the key in ``params`` or the URL, no
    ``auth=``, no credentials of the session it wraps, not in ``__all__``, bound
    once). None: not such a partial."""
    if not partials.is_partial(ctx, partial) or not partial.args:
        return None
    info, verb = partials._request(ctx, partial.args[0].value, partial)
    if info is None or info.url_index is None:
        return None
    bound = len([a for a in partial.args if a.keyword is None]) - 1
    problem = None
    if partials._url_of(partial, info) is not None:
        problem = URL_BOUND
    elif ctx.ancestor(partial, cst.FunctionDef) is None:
        if partials._provider_variable(ctx) is None:  # made at import, read once
            problem = partials.BOUND_ONCE
    return Exported(info, "params", verb, bound, problem)


@dataclass(frozen=True)
class Checked:
    """One read of an imported partial in another module: the call it is and
    the request that call makes (its URL's index counted in the call's
    arguments), or why the partial cannot change for it."""

    call: cst.Call | None
    info: HttpCall | None
    problem: str | None


def call_problem(ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode) -> Checked:
    """Whether ``node`` (a read of ``carrier``, a partial of another module
    binding the key in its params) is a call that keeps the partial's arguments
    and sends to HubSpot (see the module's docstring)."""
    call = ctx.parent(node)
    line = ctx.start(node)[0]
    if not (isinstance(call, cst.Call) and call.func is node):
        how = partials._what(ctx, node)
        return _refused(NOT_CALLED_HERE.format(carrier.name, carrier.module, how, line))
    line = ctx.start(call)[0]
    keywords = {a.keyword.value for a in call.args if a.keyword is not None}
    if any(a.star for a in call.args):
        return _refused(partials.STARRED.format(line))
    if "headers" in keywords:
        return _refused(partials.HEADERS_GIVEN.format(line))
    if "auth" in keywords:
        return _refused(
            partials.OTHER_AUTH.format(f"the call at line {line} of the partial")
        )
    if "params" in keywords:
        return _refused(partials.PARAMS_GIVEN.format(line))
    names = partials._POSITIONAL.get(carrier.partial, ())
    if "url" not in names:
        return _refused(partials.NO_URL.format(line))
    index = names.index("url") - carrier.partial_bound
    given = len([a for a in call.args if a.keyword is None])
    if index < 0 or carrier.partial_bound + given > names.index("url") + 1:
        return _refused(partials.POSITIONAL.format(line))
    info = HttpCall("request", _METHODS.get(carrier.partial), index)
    url = partials._url_of(call, info)
    if url is None:
        return _refused(partials.NO_URL.format(line))
    host = hubspot.host(values.url_template(ctx, url))
    if host is None:
        return _refused(partials.UNKNOWN_HOST.format(line))
    if not hubspot.takes_tokens(host):
        return _refused(partials.OTHER_HOST.format(line, host))
    return Checked(call, info, None)


def _refused(problem: str) -> Checked:
    return Checked(None, None, problem)
