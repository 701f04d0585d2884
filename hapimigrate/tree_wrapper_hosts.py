"""Hosts a wrapper's callers hand it, checked before its rewrite stands.

A method or function that takes the whole URL (or its host) from a parameter
sends the token wherever its callers point it once migrated:

    hs.py    class Client:
                 def call(self, method, url, **kwargs):
                     kwargs.setdefault("params", {})["hapikey"] = self.key
                     return requests.request(method, url, **kwargs)
             CLIENT = Client()
    jobs.py  CLIENT.call("POST", "https://hooks.slack.com/services/...")
             CLIENT.call("POST", "https://forms.hubspot.com/uploads/form/v2/%s/%s" % ...)

Its own module sees only its ``self.`` callers; the calls through instances,
here or in other modules, are found by :mod:`hapimigrate.tree_endpoints`. (A
module function's callers are its module's fixers' to check, and other
modules' are :mod:`hapimigrate.fixers.across_modules`', notebooks too.) A
rewritten module whose wrapper is handed another host's URL, a form
submission's (which takes no credential), or a URL whose host the source does
not tell (where the wrapper's own template does not fix it), or whose calls are not
seen at all, is left as it is
(:mod:`hapimigrate.tree_hold`), the call named. Before, the token went to Slack
and with each visitor's form submission (review 24, R14).
"""

from __future__ import annotations

import ast
import os

from hapimigrate import hubspot
from hapimigrate.model import FileResult, Status, Wrapper
from hapimigrate.tree_endpoints import Given, given_at, given_urls
from hapimigrate.tree_imports import read

OTHER_HOST = (
    "{}() is given {} at {}, where the token would go: it may send only "
    "HubSpot API URLs once migrated; change it by hand"
)
FORM = (
    "{}() is given a form submission URL at {}, which takes no credential: the "
    "token would go with each visitor's submission; change it by hand"
)
UNKNOWN = (
    "{}() is given a URL whose host is known only at run time at {} ({}): the "
    "token would go wherever it points; if it is always a HubSpot API URL, "
    "send the token there by hand"
)

CONDITION_RUN_TIME = (
    "{}() sends the token where its condition sent the key, and is given a URL "
    "known only at run time at {}, which the condition may let through (a form "
    "submission's: it would get the token); change it by hand"
)

UNSEEN = (
    "{}() takes its URL's host from its callers, and no call of it in the tree "
    "is seen (another program's, or one made through a name hapimigrate does "
    "not follow): the token would go wherever they point it; if they send "
    "HubSpot API URLs only, send the token there by hand"
)

IN_NOTEBOOK = (
    "{}() takes its URL's host from its callers, and {} may call it: the hosts "
    "its cells hand it are not checked; if they are HubSpot API URLs only, send "
    "the token there by hand"
)


def hold_handed_hosts(results: list[FileResult], files: list[str]) -> list[FileResult]:
    """``results``, with each changed module whose rewritten wrapper is handed
    a URL the token must not follow left as it is."""
    if not any(
        e.via is not None and "." in e.via.function
        for r in results
        if r.changed
        for s in r.sites
        if s.status == Status.REWRITE
        for e in s.calls
    ):
        return results
    from hapimigrate.tree_hold import hold

    found = given_urls([r for r in results if r.changed], files)
    notebooks = {p: read(p) for p in files if p.endswith(".ipynb")}
    # a wrapper's calls the tree pass does not trace, found once per run
    untraced: dict[tuple[str, Wrapper], list[Given]] = {}
    out = []
    for result in results:
        reason = (
            _problem(result, found, notebooks, files, untraced)
            if result.changed
            else None
        )
        if reason is not None:
            result = hold(result, lambda _site: reason, reason)
        out.append(result)
    return out


def _problem(
    result: FileResult,
    found: dict[tuple[str, Wrapper], list[Given]],
    notebooks: dict[str, bytes],
    files: list[str],
    untraced: dict[tuple[str, Wrapper], list[Given]],
) -> str | None:
    for site in result.sites:
        if site.status != Status.REWRITE:
            continue
        for endpoint in site.calls:
            if endpoint.via is None or "." not in endpoint.via.function:
                continue  # a function's callers: its module's and across_modules'
            # the token goes where the key went, or to HubSpot only: but a
            # condition such as "hubspot" in url lets form submissions through
            guarded = endpoint.via.function in result.guarded_functions
            conditioned = endpoint.via.function in result.condition_guarded
            wrapper = endpoint.via
            givens = found.get((result.path, wrapper), [])
            own_host = not _callers_give_host(wrapper)  # BASE + path
            if not own_host:
                method = "." + wrapper.function.rpartition(".")[2] + "("
                notebook = next(
                    (p for p, data in notebooks.items() if method.encode() in data),
                    None,
                )
                if notebook is not None:  # its cells' calls are not read here
                    return IN_NOTEBOOK.format(
                        wrapper.function, os.path.basename(notebook)
                    )
                if not givens and not guarded:
                    return UNSEEN.format(wrapper.function)
                home = (result.path, wrapper)
                if home not in untraced:
                    untraced[home] = _untraced(wrapper, givens, files)
                givens = [*givens, *untraced[home]]
            for given in givens:
                if own_host or guarded:  # a host it fixes, or its guard admits
                    if conditioned and not own_host and hubspot.host(given.url) is None:
                        return CONDITION_RUN_TIME.format(wrapper.function, given.where)
                    if _form(given, endpoint.method):
                        return FORM.format(wrapper.function, given.where)
                    continue
                reason = _refused(wrapper, given, endpoint.method)
                if reason is not None:
                    return reason
    return None


def _refused(wrapper: Wrapper, given: Given, method: str | None) -> str | None:
    name = wrapper.function
    host = hubspot.host(given.url)
    if host is None:
        return UNKNOWN.format(name, given.where, given.url)
    if not hubspot.takes_tokens(host):
        return OTHER_HOST.format(name, host, given.where)
    if _form(given, method):
        return FORM.format(name, given.where)
    return None


def _form(given: Given, method: str | None) -> bool:
    return hubspot.auth_kind(given.method or method, given.url) == hubspot.NO_AUTH


def _callers_give_host(wrapper: Wrapper) -> bool:
    """The parameter decides the host (``{url}``, ``https://{host}/x``), not
    only the path after a base of the wrapper's own (``BASE + path``)."""
    return "{" + wrapper.parameter + "}" in hubspot.host_part(wrapper.template)


def _untraced(wrapper: Wrapper, traced: list[Given], files: list[str]) -> list[Given]:
    """The calls of the method's name made through a receiver the tree pass
    does not trace (``CLIENTS["hubspot"].call(...)``, ``get_client().call(...)``,
    a parameter) that hand it a URL whose host is written: review 25, R12.
    (A call handing a name is not counted: ``.get(name)`` is mostly a dict's.)"""
    method = wrapper.function.rpartition(".")[2]
    seen = {g.place for g in traced}
    found = []
    for path in files:
        if not path.endswith(".py"):
            continue
        data = read(path)
        if f".{method}(".encode() not in data:
            continue
        try:
            tree = ast.parse(data)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == method
                and not (
                    isinstance(node.func.value, ast.Name)
                    and node.func.value.id in ("self", "cls")
                )
            ):
                continue
            given = given_at(node, wrapper, path)
            if given is not None and given.place not in seen:
                if hubspot.host(given.url) is not None:
                    found.append(given)
    return found
