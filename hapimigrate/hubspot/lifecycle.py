"""Endpoint lifecycles, from ``data/lifecycle.json`` (built by
``scripts/build_lifecycle.py`` from the project's reference data).

* :func:`lookup` -- what HubSpot has announced for ``method path``: retired (the
  call fails today), sunsetting (a switch-off date ahead), unsupported from a date
  (v1-v3 September 2027, v4 2027-03-30: no fixes after it), or ``current`` (a
  date-based version); with the replacements, what differs, and the sources.
* :func:`dated_twin` -- the 2026-03 operation of a v3/v4 one, and whether their
  request and response schemas are identical (a safe path swap) or how they differ.
* :func:`today` -- the date lifecycles are compared with: ``HAPIMIGRATE_TODAY``
  (``YYYY-MM-DD``) when set, so that tests and reports can be reproduced, else the
  system's date. Read here and nowhere else.

Families are tried in their order, the first whose pattern (anchored, on the path
without host or query) and methods fit wins; the general rules apply where none
does. A family restricted to some methods, for a call whose method is not known,
gives the least severe answer any method could get (``method_dependent``): a
retirement is never claimed that may not be true.
"""

from __future__ import annotations

import ast
import calendar
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from hapimigrate.hubspot import datafiles

TODAY_ENV = "HAPIMIGRATE_TODAY"
RETIRED, SUNSETTING, UNSUPPORTED_FROM, UNSUPPORTED, CURRENT = (
    "retired",
    "sunsetting",
    "unsupported-from",
    "unsupported",
    "current",
)
# how bad a state is, for picking the worst call of a site or the mildest answer
SEVERITY = {CURRENT: 0, UNSUPPORTED_FROM: 1, UNSUPPORTED: 2, SUNSETTING: 3, RETIRED: 4}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
GENERAL_V1_V3 = "v1-v3 APIs (general end of support)"
GENERAL_V4 = "v4 APIs (general end of support)"
DATED = "date-based version"
GENERAL_RULES = frozenset({GENERAL_V1_V3, GENERAL_V4, DATED})  # not families
_FIELD = re.compile(r"\{[^}]*\}")


class DateError(ValueError):
    """A date hapimigrate was given cannot be read."""


def parse_date(value: object, what: str = "") -> date:
    """``2027-09-01`` (or a ``date``, as TOML gives it) as a date."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        where = f"{what}: " if what else ""
        raise DateError(f"{where}{value!r} is not a date (YYYY-MM-DD)") from None


def today() -> date:
    """Today, or the date ``HAPIMIGRATE_TODAY`` names."""
    value = os.environ.get(TODAY_ENV)
    return parse_date(value, TODAY_ENV) if value else date.today()


def start_of(text: str) -> date:
    """The first day a date HubSpot gave may mean: ``2027-09`` is 2027-09-01."""
    return date.fromisoformat(text if len(text) > 7 else text + "-01")


def spoken(text: str) -> str:
    """``September 2027`` for ``2027-09``; a full date as it is."""
    if len(text) == 7:
        return f"{calendar.month_name[int(text[5:])]} {text[:4]}"
    return text


# -- records ------------------------------------------------------------------


@dataclass(frozen=True)
class Replacement:
    method: str
    path: str
    note: str
    basis: str  # "named", "function" or "mechanical": see basis_text()
    in_spec: bool
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    date: str
    what: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Twin:
    """The 2026-03 operation of a v3/v4 one (``old``: its template)."""

    method: str | None  # None: the same for every method the path has
    old: str
    path: str
    identical: bool  # request body, success responses and parameters alike
    differences: tuple[str, ...]  # as the comparison recorded them

    def changes(self) -> tuple[str, ...]:
        """The differences in words."""
        return tuple(dict.fromkeys(describe_difference(d) for d in self.differences))


@dataclass(frozen=True)
class Lifecycle:
    status: str  # RETIRED, SUNSETTING, UNSUPPORTED_FROM or CURRENT, as announced
    date: str | None  # as HubSpot gave it: 2025-03-24, or 2027-09 (a month)
    family: str  # the family's name, or the general rule's
    effect: str = ""
    replacements: tuple[Replacement, ...] = ()
    twin: Twin | None = None  # the dated operation, for a v3/v4 path
    no_twin: bool = False  # the spec has no 2026-03 counterpart for it
    breaking_notes: str = ""
    sources: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    method_dependent: bool = False  # another method would get another answer
    version: str | None = None  # CURRENT: the date-based version called

    @property
    def end(self) -> date | None:
        """The first day the date may mean."""
        return start_of(self.date) if self.date else None

    @property
    def month_only(self) -> bool:
        return bool(self.date) and len(self.date) == 7

    def state(self, on: date) -> str:
        """The status on a day: a sunset whose date has passed is a retirement,
        an end of support that has passed leaves the endpoint unsupported."""
        end = self.end
        if self.status == SUNSETTING and end is not None and end <= on:
            return RETIRED
        if self.status == UNSUPPORTED_FROM and end is not None and end <= on:
            return UNSUPPORTED
        return self.status

    def days_left(self, on: date) -> int | None:
        """Days until the date (negative once it has passed)."""
        end = self.end
        return (end - on).days if end is not None else None

    @property
    def modernizable(self) -> bool:
        return self.twin is not None and self.twin.identical

    # -- in words -------------------------------------------------------------
    @property
    def short_name(self) -> str:
        """``CRM v3`` for ``CRM v3 (objects, properties, ...)``; ``Contact Lists
        v1`` for ``Contact Lists v1: the three list-less contact feeds ...``."""
        name = self.family.split(" (", 1)[0]
        return name.split(": ", 1)[0] if len(name) > 40 else name

    def when(self, on: date) -> str:
        """``retired: failing since 2025-03-24``, ``sunsets on 2026-12-04 (5 days
        left)``, ``unsupported from September 2027 (276 days left)``."""
        state = self.state(on)
        left = self.days_left(on)
        if state == RETIRED:
            return f"retired: failing since {self.date}"
        if state == SUNSETTING:
            return f"sunsets on {self.date} ({_days(left)} left)"
        if state == UNSUPPORTED_FROM:
            return f"unsupported from {spoken(self.date or '')} ({_days(left)} left)"
        if state == UNSUPPORTED:
            return f"unsupported since {spoken(self.date or '')}"
        return f"current (date-based version {self.version})"

    def column(self, on: date) -> str:
        """The same, short, for a table cell."""
        state = self.state(on)
        left = self.days_left(on)
        if state == RETIRED:
            return f"retired (failing since {self.date})"
        if state == SUNSETTING:
            return f"sunsets {self.date} ({_days(left)} left)"
        if state == UNSUPPORTED_FROM:
            return f"unsupported from {self.date} ({_days(left)} left)"
        if state == UNSUPPORTED:
            return f"unsupported since {self.date}"
        return f"current ({self.version})"

    def instead(self) -> str:
        """What to call instead, in a few words ("" when HubSpot names nothing)."""
        twin = self.twin
        if twin is not None:
            how = "same schemas" if twin.identical else "schemas differ"
            return f"{twin.method or ''} {twin.path} ({how})".strip()
        if not self.replacements:
            return ""
        first = self.replacements[0]
        more = len(self.replacements) - 1
        return f"{first.method} {first.path}" + (f" (and {more} more)" if more else "")


def _days(count: int | None) -> str:
    return "1 day" if count == 1 else f"{count} days"


# -- the catalog --------------------------------------------------------------


@lru_cache(maxsize=1)
def catalog() -> dict:
    return json.loads(datafiles.read_text("lifecycle.json"))


def as_of() -> str:
    """The date the facts were gathered."""
    return catalog()["as_of"]


def dated_version() -> str:
    return catalog()["dated_version"]


def sources() -> dict[str, str]:
    """Source id -> URL (``S13`` -> the changelog entry)."""
    return catalog()["sources"]


def source_url(source: str) -> str:
    return sources()[source]


def basis_text(code: str) -> str:
    return catalog()["bases"][code]


def auth_facts() -> dict:
    """What replaced legacy private apps: service keys, their limits, dates."""
    return catalog()["auth"]


@dataclass(frozen=True)
class _Family:
    order: int
    name: str
    pattern: re.Pattern[str]
    methods: frozenset[str] | None
    entry: dict


@lru_cache(maxsize=1)
def _families() -> tuple[_Family, ...]:
    return tuple(
        _Family(
            f["order"],
            f["name"],
            re.compile(f["match"]),
            frozenset(f["methods"]) if f["methods"] else None,
            f,
        )
        for f in catalog()["families"]
    )


def families() -> list[dict]:
    """Every family, as the catalog holds it (for tests and documentation)."""
    return [f.entry for f in _families()]


@lru_cache(maxsize=1)
def _general() -> tuple[tuple[re.Pattern[str], dict], ...]:
    return tuple((re.compile(g["match"]), g) for g in catalog()["general"])


@lru_cache(maxsize=1)
def _pairs() -> dict[tuple[str, int], list[tuple[list[str], tuple]]]:
    index: dict[tuple[str, int], list[tuple[list[str], tuple]]] = {}
    for row in catalog()["pairs"]:
        method, old = row[0], row[1]
        segments = _segments(old)
        index.setdefault((method, len(segments)), []).append((segments, tuple(row)))
    return index


@lru_cache(maxsize=1)
def _without() -> dict[tuple[str, int], list[list[str]]]:
    index: dict[tuple[str, int], list[list[str]]] = {}
    for method, path in catalog()["without_counterpart"]:
        segments = _segments(path)
        index.setdefault((method, len(segments)), []).append(segments)
    return index


def prefix_rules() -> list[tuple[str, str]]:
    """(v3/v4 prefix, 2026-03 prefix), longest first."""
    return [tuple(r) for r in catalog()["prefix_rules"]]  # type: ignore[misc]


def _segments(path: str) -> list[str]:
    return path.strip("/").split("/")


def _score(ours: list[str], template: list[str]) -> int | None:
    """How many literal segments match; None when they do not fit. A field of
    ours fits only a field of theirs: ``{type}`` may be anything."""
    score = 0
    for mine, theirs in zip(ours, template):
        if _FIELD.search(theirs):
            continue
        if mine != theirs:
            return None
        score += 1
    return score


def _best(method: str, path: str) -> tuple | None:
    """The pair whose v3/v4 template fits ``path`` most literally; None when
    none does, or when an operation the spec lists without a twin fits it more
    literally (``/crm/v3/objects/payments`` is not ``/crm/v3/objects/{type}``)."""
    ours = _segments(path)
    best, best_score = None, -1
    for template, row in _pairs().get((method, len(ours)), ()):
        score = _score(ours, template)
        if score is not None and score > best_score:
            best, best_score = row, score
    for template in _without().get((method, len(ours)), ()):
        score = _score(ours, template)
        if score is not None and score > best_score:
            return None
    return best


def dated_twin(method: str | None, path: str) -> Twin | None:
    """The 2026-03 twin of the v3/v4 operation ``method path``: for an unknown
    method, the twin every method of the path shares, identical only if it is
    identical for each."""
    path = _clean(path)
    if method is not None:
        row = _best(method.upper(), path)
        if row is None:
            return None
        return Twin(row[0], row[1], row[2], row[3], tuple(row[4] or ()))
    rows = [r for r in (_best(m, path) for m in METHODS) if r is not None]
    if not rows or len({r[2] for r in rows}) != 1:
        return None
    return Twin(
        None,
        rows[0][1],
        rows[0][2],
        all(r[3] for r in rows),
        tuple(d for r in rows for d in (r[4] or ())),
    )


def _without_twin(method: str | None, path: str) -> bool:
    """Whether the spec lists ``method path`` among the v3/v4 operations that
    have no 2026-03 counterpart."""
    ours = _segments(_clean(path))
    methods = [method.upper()] if method else list(METHODS)
    return any(
        _score(ours, template) is not None
        for each in methods
        for template in _without().get((each, len(ours)), ())
    )


def _clean(path: str) -> str:
    return path.split("?", 1)[0].split("#", 1)[0]


def _family_for(method: str | None, path: str) -> tuple[_Family | None, bool]:
    """The first family that fits; for an unknown method, the mildest answer
    any method could get, and whether the method mattered."""
    if method is not None:
        method = method.upper()
        for family in _families():
            if family.pattern.search(path) and (
                family.methods is None or method in family.methods
            ):
                return family, False
        return None, False
    answers = {m: _family_for(m, path)[0] for m in METHODS}
    if len({id(f) for f in answers.values()}) == 1:
        return answers[METHODS[0]], False
    mildest = min(
        answers.values(),
        key=lambda f: SEVERITY[f.entry["status"]] if f is not None else -1,
    )
    return mildest, True


@lru_cache(maxsize=4096)
def lookup(method: str | None, path: str | None) -> Lifecycle | None:
    """What HubSpot has announced for ``method path`` (a path as hapimigrate
    infers it: ``/owners/v2/owners/{owner_id}``); None when nothing is known."""
    if not path:
        return None
    path = _clean(path)
    if not path.startswith("/"):
        return None
    family, method_dependent = _family_for(method, path)
    twin = dated_twin(method, path) if re.search(r"/v[34](/|$)", path) else None
    no_twin = twin is None and _without_twin(method, path)
    if family is not None:
        f = family.entry
        return Lifecycle(
            f["status"],
            f["date"],
            f["name"],
            f["effect"],
            tuple(_replacement(r) for r in _ordered(f["replacement"], method)),
            twin,
            no_twin,
            f["breaking_notes"],
            tuple(f["source"]),
            tuple(Event(e["date"], e["what"], tuple(e["source"])) for e in f["events"]),
            method_dependent,
        )
    for pattern, rule in _general():
        match = pattern.search(path)
        if match is None:
            continue
        if rule["status"] == "policy":
            return Lifecycle(
                CURRENT,
                None,
                DATED,
                rule["policy"],
                sources=tuple(rule["source"]),
                version=match.group(1),
            )
        name = GENERAL_V4 if rule["date"] == _v4_date() else GENERAL_V1_V3
        return Lifecycle(
            UNSUPPORTED_FROM,
            rule["date"],
            name,
            rule.get("meaning", ""),
            twin=twin,
            no_twin=no_twin,
            breaking_notes=rule.get("notes", ""),
            sources=tuple(rule["source"]),
        )
    return None


def _v4_date() -> str:
    for rule in catalog()["general"]:
        if rule["status"] == UNSUPPORTED_FROM and "v4" in rule["match"]:
            return rule["date"]
    return ""


def general_date(version: str) -> str | None:
    """The general end-of-support date of ``v1``..``v4`` paths."""
    for pattern, rule in _general():
        if rule["status"] == UNSUPPORTED_FROM and pattern.search(f"/x/{version}/y"):
            return rule["date"]
    return None


def _ordered(replacements: list[dict], method: str | None) -> list[dict]:
    """The replacements with the call's method first."""
    if method is None:
        return replacements
    return sorted(replacements, key=lambda r: r["method"] != method.upper())


def _replacement(entry: dict) -> Replacement:
    return Replacement(
        entry["method"],
        entry["path"],
        entry["note"],
        entry["basis"],
        entry["in_spec"],
        tuple(entry["source"]),
    )


# -- differences in words -------------------------------------------------------

_DIFF = re.compile(r"^([+\-~])\.(.*?)(?::\s*(.*))?$")


def describe_difference(raw: str) -> str:
    """``~.resp.200[0].properties.stages.items.required: +['writePermissions'] -[]``
    as ``response 200: stages[] requires writePermissions``; what it cannot read,
    as it is."""
    match = _DIFF.match(raw)
    if match is None:
        return raw
    sign, where, detail = match.groups()
    parts = where.split(".")
    head = parts[0]
    if head.startswith("body"):
        place, rest = "request", parts[1:]
    elif head == "resp" and len(parts) > 1:
        code = parts[1].split("[", 1)[0]
        place, rest = f"response {code}", parts[2:]
        if not rest and "[" not in parts[1]:
            return {"+": f"adds a {code} response", "-": f"no {code} response"}.get(
                sign, raw
            )
    else:
        return raw
    names: list[str] = []
    attribute = None
    index = 0
    while index < len(rest):
        token = rest[index]
        if token == "properties" and index + 1 < len(rest):
            names.append(rest[index + 1])
            index += 2
            continue
        if token == "items":
            if names:
                names[-1] += "[]"
            index += 1
            continue
        if index == len(rest) - 1 and token in ("required", "enum", "type"):
            attribute = token
        elif index == len(rest) - 1 and token == "properties" and sign in "+-":
            verb = "gains" if sign == "+" else "loses"
            return f"{place}: {'.'.join(names) or 'the body'} {verb} its properties"
        else:
            return raw
        index += 1
    field = ".".join(names)
    subject = f"{place}: {field}" if field else place
    if attribute is None:
        if not field:
            return raw
        verb = {"+": "adds", "-": "drops"}.get(sign)
        return f"{place}: {verb} {field}" if verb else raw
    if sign in "+-":
        if attribute == "required":
            return f"{subject} {'gains' if sign == '+' else 'loses'} required fields"
        return raw
    if detail is None:
        return raw
    if attribute == "type":
        was, _, now = detail.partition(" -> ")
        return f"{subject} is {now}, was {was}" if now else raw
    added, removed = _lists(detail)
    if added is None:
        return raw
    words = []
    if attribute == "required":
        if added:
            words.append("requires " + ", ".join(added))
        if removed:
            words.append("no longer requires " + ", ".join(removed))
    else:
        if added:
            words.append("allows " + ", ".join(added))
        if removed:
            words.append("no longer allows " + ", ".join(removed))
    return f"{subject} {' and '.join(words)}" if words else raw


def _lists(detail: str) -> tuple[list[str] | None, list[str]]:
    match = re.match(r"^\+(\[.*?\])\s+-(\[.*?\])$", detail)
    if match is None:
        return None, []
    try:
        added, removed = (ast.literal_eval(group) for group in match.groups())
    except (ValueError, SyntaxError):
        return None, []
    return [str(a) for a in added], [str(r) for r in removed]


# -- date-based paths -----------------------------------------------------------


@dataclass(frozen=True)
class PathSwap:
    """``/crm/v3/objects/x`` -> ``/crm/objects/2026-03/x``: the prefix to swap,
    the path it gives, and why the swap is not safe ("" when it is)."""

    old_prefix: str
    new_prefix: str
    path: str
    twin: Twin | None
    reason: str = ""

    @property
    def safe(self) -> bool:
        return not self.reason


def versioned_prefix(path: str) -> tuple[str, str] | None:
    """The (v3/v4 prefix, 2026-03 prefix) rule that applies to ``path``."""
    path = _clean(path)
    for old, new in prefix_rules():
        if path == old or path.startswith(old + "/"):
            return old, new
    return None


def path_swap(method: str | None, path: str) -> PathSwap | None:
    """The 2026-03 path of the v3/v4 call ``method path``, and whether the swap is
    a safe rewrite: only where the spec lists the twin with identical request and
    response schemas (for every method, when the method is not known). None for a
    path that is not a v3/v4 one with a prefix rule."""
    path = _clean(path)
    rule = versioned_prefix(path)
    if rule is None:
        return None
    old, new = rule
    swapped = new + path[len(old) :]
    call = f"{method or '(any method)'} {path}"
    twin = dated_twin(method, path)
    if path.endswith("/") and path != "/":
        return PathSwap(old, new, swapped, twin, "the path ends with '/'")
    if twin is None:
        if method is None and any(dated_twin(m, path) for m in METHODS):
            reason = f"the HTTP method of {path} is not known from the source"
        elif _without_twin(method, path):
            reason = f"HubSpot's 2026-03 spec has no counterpart of {call}"
        else:
            reason = f"no 2026-03 twin of {call} is known"
        return PathSwap(old, new, swapped, None, reason)
    if not twin.identical:
        changes = twin.changes()
        what = "; ".join(changes[:3]) + ("; ..." if len(changes) > 3 else "")
        reason = f"the 2026-03 twin of {call} differs" + (
            f" ({what})" if what else " (request or response schemas)"
        )
        return PathSwap(old, new, swapped, twin, reason)
    if _score(_segments(swapped), _segments(twin.path)) is None or len(
        _segments(swapped)
    ) != len(_segments(twin.path)):
        reason = f"{swapped} is not the 2026-03 path {twin.path}"
        return PathSwap(old, new, swapped, twin, reason)
    return PathSwap(old, new, swapped, twin)
