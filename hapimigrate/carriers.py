"""The tree-wide step for carriers across modules (see
:mod:`hapimigrate.fixers.across_modules`): values that carry the key from the
module that defines them (``constants.PARAMS``) to the modules that send them.

    first results -> the carriers modules export -> their readers, run knowing
    them -> carriers some use cannot take are blocked, readers run again, until
    none is newly blocked -> the defining modules, run knowing what became of
    their carriers

A carrier changes only when every use of it in every reader does; a blocked
carrier's uses are manual sites, so no request is half-migrated. Each round
blocks one more carrier or ends, so the step ends.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import re
from typing import Callable

from hapimigrate import prefilter
from hapimigrate.model import (
    Carrier,
    CarrierOutcome,
    CarrierUse,
    FileResult,
    Kind,
    RunOptions,
    Status,
)
from hapimigrate.tree_imports import (
    importable_names,
    imported_constants,
    imported_names,
    modules_of,
)

Process = Callable[[str, RunOptions], FileResult]
Key = tuple[str, str]  # (defining path, name)

# the reason of a carrier's site in its own module once its readers migrated it
SENT_ELSEWHERE_END = "), which now send the token"
SENT_ELSEWHERE = "{} is sent by other modules ({}" + SENT_ELSEWHERE_END
# a form submission's URL: its readers drop the key and add nothing
SENT_KEYLESS = (
    "{} is sent by other modules ({}) to a form submission endpoint, which takes "
    "no credential: the key goes, no token is added"
)
UNUSED = "{} is not used in this module, nor sent by a module that imports it"
BLOCKED = "{} is also sent by {}, which cannot change: {}"


@dataclasses.dataclass(frozen=True)
class Resolved:
    """The results after the step, the options each changed file was run with,
    and the carriers that changed (with the readers that must agree)."""

    results: list[FileResult]
    options: dict[str, RunOptions]
    migrated: dict[Key, tuple[str, ...]]


def resolve(
    results: list[FileResult],
    files: list[str],
    options: RunOptions,
    process: Process,
    refused: dict[Key, str] | None = None,
) -> Resolved:
    """Run the step; ``refused`` carriers are blocked from the start (a later
    pass undid one of their uses). A reader run knowing its carriers may export
    carriers of its own (a helper it now sends the token through): they join in."""
    current = {r.path: r for r in results}
    exports = _exports(current.values())
    if not exports:
        return Resolved(results, {}, {})
    constants = _Constants(files)
    # a URL whose host is another module's constant (``BASE_URL + path``) is
    # exported again knowing it, so that its readers know where it goes
    for path in sorted({c.path for c in exports.values() if c.url.startswith("{")}):
        known = constants(path)
        if known:
            current[path] = process(path, dataclasses.replace(options, constants=known))
    exports = _exports(current.values())
    blocked: dict[Key, str] = dict(refused or {})
    blocked.update(_unchangeable(exports, blocked))
    readers: dict[str, list[Carrier]] = {}
    for _ in range(_ROUNDS):
        readers = _readers(list(exports.values()), files)
        involved = set(readers) | {key[0] for key in blocked if key in exports}
        for path in sorted(involved):
            current[path] = process(
                path, _options(path, options, constants, readers, exports, blocked)
            )
        added = {
            k: c for k, c in _exports(current.values()).items() if k not in exports
        }
        newly = _blocked(exports, _index(current), blocked)
        if not added and not newly:
            break
        exports.update(added)
        blocked.update(newly)
        blocked.update(_unchangeable(added, blocked))
    else:  # no fixed point in reach: every carrier stays
        blocked.update({key: UNSETTLED for key in exports if key not in blocked})
        for path in sorted(set(readers) | {key[0] for key in exports}):
            current[path] = process(
                path, _options(path, options, constants, readers, exports, blocked)
            )
    uses = _index(current)
    migrated: dict[Key, tuple[str, ...]] = {}
    for key, carrier in exports.items():
        if key not in blocked and uses.get(key):
            migrated[key] = tuple(sorted(r for r, c in readers.items() if carrier in c))
    per_path = {}
    for path in sorted(set(readers) | {key[0] for key in exports}):
        per_path[path] = _options(
            path, options, constants, readers, exports, blocked, uses, final=True
        )
        if any(key[0] == path for key in migrated):
            current[path] = process(path, per_path[path])  # drops its keys now
    return Resolved([current[r.path] for r in results], per_path, migrated)


_ROUNDS = 12
REFUSED = "another module's use of it changed again"
UNSETTLED = "its uses across modules did not settle: change them by hand"


def _unchangeable(exports: dict[Key, Carrier], blocked: dict[Key, str]):
    """Carriers blocked by their own module (a key the token cannot stand
    for): their readers' uses are manual sites saying so."""
    return {k: c.blocked for k, c in exports.items() if c.blocked and k not in blocked}


def _exports(results) -> dict[Key, Carrier]:
    return {(c.path, c.name): c for r in results for c in r.exports}


def _options(
    path: str,
    options: RunOptions,
    constants: Callable[[str], tuple[tuple[str, str], ...]],
    readers: dict[str, list[Carrier]],
    exports: dict[Key, Carrier],
    blocked: dict[Key, str],
    uses: dict[Key, list[CarrierUse]] | None = None,
    final: bool = False,
) -> RunOptions:
    """What ``path`` is run knowing: the carriers it reads (blocked or not) and
    what became of those it defines (blocked ones; on the final run, all)."""
    outcomes = []
    for key, carrier in exports.items():
        if key[0] != path:
            continue
        if key in blocked:
            outcomes.append(CarrierOutcome(carrier.name, Status.MANUAL, blocked[key]))
            continue
        found = (uses or {}).get(key, []) if final else []
        if found:
            where = ", ".join(sorted({u.where for u in found}))
            guarded = any(u.guarded for u in found)
            hosts = tuple(sorted({h for u in found for h in u.hosts}))
            outcomes.append(
                CarrierOutcome(carrier.name, found[0].status, where, guarded, hosts)
            )
    carried = readers.get(path, ())
    return dataclasses.replace(
        options,
        carriers=tuple(
            dataclasses.replace(c, blocked=blocked.get((c.path, c.name), ""))
            for c in carried
        ),
        sent_elsewhere=tuple(outcomes),
        constants=constants(path) if carried or outcomes else (),
    )


class _Constants:
    """The string constants each module imports from others of the tree
    (:func:`imported_constants`), read once per module."""

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.found: dict[str, tuple[tuple[str, str], ...]] = {}
        self.modules: dict[str, str] | None = None

    def __call__(self, path: str) -> tuple[tuple[str, str], ...]:
        if path not in self.found:
            if self.modules is None:
                self.modules = modules_of(self.files)
            self.found[path] = imported_constants(path, self.modules)
        return self.found[path]


def broken(
    results: list[FileResult], migrated: dict[Key, tuple[str, ...]]
) -> dict[Key, str]:
    """The migrated carriers whose uses a later pass left (or that their own
    module no longer changes): they must be blocked and the step run again;
    with the reason, the first its own module now gives for a site left."""
    by_path = {r.path: r for r in results}
    found = _Reasons(by_path)
    for key, readers in migrated.items():
        # a subclass's uses in its own module count too (its calls there)
        readers = (*readers, key[0])
        uses = (
            [
                u
                for reader in readers
                for u in by_path[reader].carrier_uses
                if (u.path, u.name) == key
            ]
            if all(reader in by_path for reader in readers)
            else []
        )
        if not uses or len({u.status for u in uses}) != 1:
            found.add(key, _left_use(uses, readers))
            continue
        if uses[0].status not in (Status.REWRITE, Status.KEPT):
            found.add(key, _left_use(uses, readers))
            continue
        if uses[0].status == Status.KEPT:
            continue  # nothing changed in its own module
        owner = by_path.get(key[0])
        if owner is None or key not in {(c.path, c.name) for c in owner.exports}:
            module = os.path.basename(key[0])
            found.add(key, NOT_HANDED_OUT.format(module, key[1]))
    return found


LEFT_USE = "{} leaves its use of it for a person: {}"
KEPT_USE = (
    "{} keeps the key with it while {} migrates it: they change together, by hand"
)
NO_USES = (
    "the modules using it ({}) no longer migrate with it: they change together, "
    "by hand"
)
NOT_HANDED_OUT = (
    "{} no longer hands {} to other modules once decided with them: its uses "
    "change together, by hand"
)


def _left_use(uses: list[CarrierUse], readers: tuple[str, ...]) -> str:
    """Which other module's use stopped a migrated carrier, and why: the first
    use left for a person (with its reason), or one keeping the key."""
    left = [u for u in uses if u.status not in (Status.REWRITE, Status.KEPT)]
    if left:
        return LEFT_USE.format(left[0].where, left[0].reason or left[0].status.value)
    kept = [u for u in uses if u.status == Status.KEPT]
    moved = [u for u in uses if u.status == Status.REWRITE]
    if kept and moved:
        return KEPT_USE.format(kept[0].where, moved[0].where)
    names = sorted({os.path.basename(r) for r in readers})
    return NO_USES.format(", ".join(names)) if names else REFUSED


class _Reasons(dict):
    """Broken carriers and why: the first reason of a site left in the
    carrier's own module (the later pass says it there), or REFUSED."""

    def __init__(self, by_path: dict[str, FileResult]) -> None:
        super().__init__()
        self.by_path = by_path

    def add(self, key: Key, use: str = REFUSED) -> None:
        """``use``: which use elsewhere stopped it, when its own module says
        nothing."""
        owner = self.by_path.get(key[0])
        reasons = [
            s.reason
            for s in (owner.sites if owner is not None else ())
            if s.status == Status.MANUAL and s.reason and REFUSED not in s.reason
        ]
        named = [r for r in reasons if re.search(rf"\b{re.escape(key[1])}\b", r)]
        self[key] = (named or reasons or [use])[0]


def _readers(exports: list[Carrier], files: list[str]) -> dict[str, list[Carrier]]:
    """The Python modules that may read each carrier: they name it and import
    its module (one scan of each file for all the carriers' names, then the
    import lines of the few files that name one)."""
    readers: dict[str, list[Carrier]] = {}
    by_name: dict[bytes, list[Carrier]] = {}
    for carrier in exports:
        # a class's attribute (Config.PARAMS) by its own name: however its
        # class is reached, the module names it (its run tells how)
        name = carrier.name.split(".")[-1]
        by_name.setdefault(name.encode(), []).append(carrier)
    names = re.compile(
        rb"\b(?:" + b"|".join(re.escape(n) for n in sorted(by_name)) + rb")\b"
    )
    for path in files:
        notebook = prefilter.is_notebook(path)
        if not (notebook or prefilter.is_python(path)):
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        found = set(names.findall(data))
        if found and notebook:  # its code cells, as the module they make
            data = _notebook_code(data)
            found = set(names.findall(data))
        named = [c for n in found for c in by_name[n] if c.path != path]
        if not named:
            continue
        imports = imported_names(data, path)
        stars = {m.split(b".")[-1] for m in _STAR.findall(data)}
        # a class's attribute: any module naming it may reach it (through a
        # subclass, an instance), which its run tells
        named = [
            c for c in named if "." in c.name or _may_read(c, data, imports, stars)
        ]
        if named:
            readers[path] = named
    return readers


def _notebook_code(data: bytes) -> bytes:
    """A notebook's code cells, one after another (empty if it does not read)."""
    try:
        cells = json.loads(data).get("cells", [])
    except (ValueError, AttributeError):
        return b""
    code = []
    for cell in cells if isinstance(cells, list) else ():
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            source = cell.get("source", "")
            code.append("".join(source) if isinstance(source, list) else str(source))
    return "\n".join(code).encode("utf-8", "replace")


@functools.lru_cache(maxsize=4096)
def _homes(path: str) -> tuple[str, ...]:
    return importable_names(path)


_STAR = re.compile(rb"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\*", re.MULTILINE)


def _may_read(
    carrier: Carrier, data: bytes, imports: set[bytes], stars: set[bytes]
) -> bool:
    """A module reads ``carrier`` only through its module: it imports the name
    from it (``from constants import PARAMS``), names it as ``constants.PARAMS``,
    or star-imports the module; a name of its own that happens to be the same
    does not count."""
    homes = [n.encode() for n in _homes(carrier.path)]
    if any(_dynamically_imported(home, data) for home in homes):
        return True  # import_module("constants"): its run tells what it reads
    if not any(home in imports for home in homes):
        return False
    name = carrier.name.split(".")[0].encode()  # Config of Config.PARAMS
    if name in imports:
        return True  # from constants import PARAMS (or a module of that name)
    # constants.PARAMS, c.PARAMS after `import constants as c`, pkg.constants.PARAMS:
    # read as an attribute of something; the module's own run tells which; also
    # getattr(constants, "PARAMS") and the module handed on as a value
    return (
        any(home in stars for home in homes)
        or b"." + name in data
        or re.search(rb"""["']""" + re.escape(name) + rb"""["']""", data) is not None
        or any(_as_value(home, data) for home in homes)
    )


def _dynamically_imported(home: bytes, data: bytes) -> bool:
    """``import_module("constants")``, ``__import__("pkg.constants")``."""
    pattern = rb"""(?:import_module|__import__)\(\s*["'](?:[\w.]*\.)?"""
    return re.search(pattern + re.escape(home) + rb"""["']""", data) is not None


def _as_value(home: bytes, data: bytes) -> bool:
    """The module's name read other than as ``home.NAME`` outside its import
    lines (``transport=fetch``, ``run(fetch)``, ``m = fetch``)."""
    pattern = rb"(?m)^(?![ \t]*(?:from|import)\b).*[^\w.]" + re.escape(home)
    return re.search(pattern + rb"\b(?![ \t]*[.\w])", data) is not None


def _index(results: dict[str, FileResult]) -> dict[Key, list[CarrierUse]]:
    """Every carrier use among these results, by carrier."""
    index: dict[Key, list[CarrierUse]] = {}
    for result in results.values():
        for use in result.carrier_uses:
            index.setdefault((use.path, use.name), []).append(use)
    return index


UNGUARDED = (
    "{} also sends to other hosts ({}), so it gets requests' auth hook, which "
    "{} cannot take: {}"
)
NO_HUBSPOT_HOST = (
    "{} also sends to other hosts ({}), and no request of it names HubSpot's API "
    "host: the token could not be kept to it"
)


def _unguarded(carrier: Carrier, uses: list[CarrierUse]) -> str:
    """A session some of whose requests go to other hosts gets requests' auth
    hook, keeping the token to the HubSpot hosts its requests name: why it
    cannot ("" when it can, or needs none). Each reader judged its own
    requests; one may need the hook while another's cannot take it."""
    if carrier.kind != Kind.SESSION:
        return ""  # a helper's guard is its own module's (attach.host_guard)
    guarded = [u for u in uses if u.guarded]
    if not (guarded or carrier.guarded):
        return ""
    where = guarded[0].where if guarded else carrier.path
    odd = next((u for u in uses if u.unguardable), None)
    if odd is not None:
        return UNGUARDED.format(carrier.name, where, odd.where, odd.unguardable)
    if not {*carrier.hosts, *(h for u in uses for h in u.hosts)}:
        return NO_HUBSPOT_HOST.format(carrier.name, where)
    return ""


def _blocked(
    exports: dict[Key, Carrier],
    index: dict[Key, list[CarrierUse]],
    blocked: dict[Key, str],
) -> dict[Key, str]:
    """The carriers newly found unable to change, with the reason."""
    newly = {}
    for key, carrier in exports.items():
        if key in blocked:
            continue
        uses = index.get(key, [])
        if not uses:
            if not carrier.used_here:
                newly[key] = UNUSED.format(carrier.name)
            continue
        statuses = {u.status for u in uses}
        if statuses == {Status.REWRITE} and _unguarded(carrier, uses):
            newly[key] = _unguarded(carrier, uses)
            continue
        if statuses in ({Status.REWRITE}, {Status.KEPT}):
            continue
        odd = next(
            (u for u in uses if u.status not in (Status.REWRITE, Status.KEPT)),
            uses[0],
        )
        reason = odd.reason or "its uses are decided differently"
        newly[key] = root_link(reason) or BLOCKED.format(
            carrier.name, odd.where, reason
        )
    return newly


# one link of a chain: "X is also sent by F:N, which cannot change: "
_LINK = re.compile(r"[\w.]+(?:\(\))? is also sent by [^\s,]+, which cannot change: ")


def root_link(reason: str) -> str | None:
    """The last link of a chain of blocked carriers with its cause (``B is
    also sent by f.py:9, which cannot change: <why>``), when ``reason`` holds
    one: a carrier blocked by another's block says the one cause, once, not
    each carrier along the way."""
    last = None
    for last in _LINK.finditer(reason):
        pass
    return reason[last.start() :] if last is not None else None
