"""Build hapimigrate/hubspot/data/lifecycle.json, the package's catalog of HubSpot
endpoint lifecycles (retired, sunsetting, unsupported-from; date-based
replacements), from the project's reference data:

    python scripts/build_lifecycle.py \\
        ../shared/data/hubspot-api-lifecycle.json ../shared/data/hubspot-v3-dated-pairs.json

Keeps what the lookup and the report need, and every source (S1-S74) so that each
statement hapimigrate prints can be traced to a HubSpot page:

* ``families``: the endpoint families in their order (first match wins): anchored
  path pattern, methods, status and date, effect, events, replacements (method,
  path, note, basis, sources), what differs, sources;
* ``general``: the end-of-support rules (v1-v3, v4) and the date-based versions'
  support policy;
* ``auth``: what to create instead of a legacy private app (service keys, their
  limits) and the dates of the switch;
* ``prefix_rules``, ``pairs``, ``without_counterpart``: every v3/v4 operation with
  a 2026-03 twin, whether request and responses are structurally identical, and
  the differences where not; the v3 operations without a twin.

The long "basis" sentences of the source become short codes (``bases`` explains
them). The build fails on anything it does not recognise, rather than carrying
it over silently.
"""

from __future__ import annotations

import json
import os
import re
import sys

DATA = os.path.join(os.path.dirname(__file__), "..", "hapimigrate", "hubspot", "data")
TARGET = os.path.join(DATA, "lifecycle.json")
DATED_VERSION = "2026-03"
BASES = {
    "named": "named in the cited HubSpot source",
    "function": "matched by function: the cited HubSpot source describes the legacy "
    "call; the replacement is the 2026-03 operation with that function in the spec "
    "(not a HubSpot-published one-to-one mapping)",
    "mechanical": "mechanical v3->2026-03 rewrite (see v3_to_dated.rule); existence "
    "checked in the spec",
}
_BASIS_CODES = {text: code for code, text in BASES.items()}
STATUSES = ("retired", "sunsetting", "unsupported-from")
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


class DataError(ValueError):
    """The reference data holds something this script does not know."""


def _sources(value, known: dict, where: str) -> list[str]:
    ids = list(value or ())
    unknown = [s for s in ids if s not in known]
    if unknown:
        raise DataError(f"{where}: unknown sources {unknown}")
    return ids


def _date(value, where: str) -> str:
    if not isinstance(value, str) or not _DATE.match(value):
        raise DataError(f"{where}: not a date: {value!r}")
    return value


def _replacement(entry: dict, sources: dict, where: str) -> dict:
    basis = _BASIS_CODES.get(entry.get("basis", ""))
    if basis is None:
        raise DataError(f"{where}: unknown basis {entry.get('basis')!r}")
    out = {
        "method": entry["method"],
        "path": entry["path"],
        "note": entry.get("note", ""),
        "basis": basis,
        "in_spec": bool(entry.get("in_spec")),
        "source": _sources(entry.get("source"), sources, where),
    }
    if entry.get("spec_operation"):
        out["spec_operation"] = entry["spec_operation"]
    return out


def _family(entry: dict, sources: dict) -> dict:
    where = f"family {entry.get('order')} ({entry.get('name')})"
    if entry.get("status") not in STATUSES:
        raise DataError(f"{where}: unknown status {entry.get('status')!r}")
    re.compile(entry["match"])
    precision = entry.get("date_precision") or "day"
    if precision not in ("day", "month"):
        raise DataError(f"{where}: unknown date precision {precision!r}")
    family = {
        "order": entry["order"],
        "name": entry["name"],
        "match": entry["match"],
        "methods": entry.get("methods") or None,
        "status": entry["status"],
        "date": _date(entry["date"], where),
        "date_precision": precision,
        "effect": entry.get("effect", ""),
        "confirmed_after_date": entry.get("confirmed_after_date"),
        "deprecated": bool(entry.get("deprecated")),
        "events": [
            {
                "date": _date(e["date"], where),
                "what": e["what"],
                "source": _sources(e.get("source"), sources, where),
            }
            for e in entry.get("events") or ()
        ],
        "replacement": [
            _replacement(r, sources, where) for r in entry.get("replacement") or ()
        ],
        "rewrite": entry.get("rewrite", ""),
        "breaking_notes": entry.get("breaking_notes", ""),
        "source": _sources(entry.get("source"), sources, where),
    }
    return family


def _general(rules: list, sources: dict) -> list[dict]:
    """The end-of-support rules on paths, and the dated versions' policy; the
    query-string rule (hapikey) is what the rest of hapimigrate is about."""
    out = []
    for rule in rules:
        if rule.get("applies_to") == "query string":
            continue
        where = f"general rule {rule['match']}"
        re.compile(rule["match"])
        entry = {
            "match": rule["match"],
            "status": rule["status"],
            "source": _sources(rule.get("source"), sources, where),
        }
        if rule["status"] == "unsupported-from":
            entry["date"] = _date(rule["date"], where)
            entry["date_precision"] = rule.get("date_precision") or "day"
            entry["meaning"] = rule.get("meaning", "")
            entry["notes"] = rule.get("notes", "")
        elif rule["status"] == "policy":
            entry["policy"] = rule["policy"]
            entry["known_ga"] = rule.get("known_ga", {})
        else:
            raise DataError(f"{where}: unknown status {rule['status']!r}")
        out.append(entry)
    return out


def _auth(auth: dict, sources: dict) -> dict:
    def facts(section: dict, where: str) -> list[dict]:
        return [
            {"fact": f["fact"], "source": _sources(f.get("source"), sources, where)}
            for f in section.get("facts", ())
        ]

    keys = auth["service_keys"]
    return {
        "private_app_creation": facts(auth["private_app_creation"], "private apps"),
        "service_keys": {
            "status": keys.get("status", ""),
            "facts": facts(keys, "service keys"),
            "webhooks": keys.get("webhooks", ""),
            "webhooks_source": _sources(
                keys.get("webhooks_source"), sources, "service keys"
            ),
            "source": _sources(keys.get("source"), sources, "service keys"),
        },
    }


def build(lifecycle_path: str, pairs_path: str) -> dict:
    with open(lifecycle_path, encoding="utf-8") as handle:
        data = json.load(handle)
    with open(pairs_path, encoding="utf-8") as handle:
        pairs = json.load(handle)
    sources = data["sources"]
    families = sorted(
        (_family(f, sources) for f in data["families"]), key=lambda f: f["order"]
    )
    if len({f["order"] for f in families}) != len(families):
        raise DataError("two families share an order")
    dated = data["v3_to_dated"]
    if dated.get("spec_commit") != pairs.get("spec_commit"):
        raise DataError("the lifecycle and the pairs describe different spec commits")
    rules = sorted(
        (
            [r["from"], r["to"].replace("{date}", DATED_VERSION)]
            for r in dated["prefix_rules"]
        ),
        key=lambda r: (-len(r[0]), r[0]),
    )
    rows = []
    for version, key in (("v3", "v3_pairs"), ("v4", "v4_pairs")):
        for pair in pairs[key]:
            old = pair[version]
            if f"/{DATED_VERSION}" not in pair["dated"]:
                raise DataError(f"{old}: twin {pair['dated']} is not {DATED_VERSION}")
            rows.append(
                [
                    pair["method"],
                    old,
                    pair["dated"],
                    bool(pair["schemas_identical"]),
                    pair.get("differences") or None,
                ]
            )
    rows.sort(key=lambda r: (r[1], r[0]))
    without = sorted(
        [m, p]
        for m, p in [
            *dated["v3_without_2026_03_counterpart"],
            *dated["v4"]["without_counterpart_list"],
        ]
    )
    return {
        "about": "HubSpot endpoint lifecycles as of the date below, built by "
        "scripts/build_lifecycle.py from hubspot-api-lifecycle.json and "
        "hubspot-v3-dated-pairs.json (do not edit by hand). Families: first "
        "match of an anchored path pattern (and methods) wins; general rules apply "
        "where no family matches. Every statement names its sources (see sources).",
        "as_of": data["as_of"],
        "spec_commit": pairs["spec_commit"],
        "dated_version": DATED_VERSION,
        "comparison_method": pairs["comparison_method"],
        "sources": sources,
        "bases": BASES,
        "families": families,
        "general": _general(data["general"], sources),
        "auth": _auth(data["auth"], sources),
        "v3_to_dated_source": _sources(dated.get("source"), sources, "v3_to_dated"),
        "prefix_rules": rules,
        "columns": [
            "method",
            "old path",
            "2026-03 path",
            "schemas identical",
            "differences",
        ],
        "pairs": rows,
        "without_counterpart": without,
    }


def write(catalog: dict, path: str = TARGET) -> None:
    """One pair a line, the rest indented: readable diffs."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("{\n")
        items = list(catalog.items())
        for index, (key, value) in enumerate(items):
            if key in ("pairs", "without_counterpart", "prefix_rules"):
                rows = ",\n".join(json.dumps(v, separators=(",", ":")) for v in value)
                text = f"[\n{rows}\n]"
            else:
                text = json.dumps(value, indent=1, ensure_ascii=False)
            handle.write(f"{json.dumps(key)}: {text}")
            handle.write(",\n" if index < len(items) - 1 else "\n")
        handle.write("}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    built = build(sys.argv[1], sys.argv[2])
    write(built)
    print(
        f"{len(built['families'])} families, {len(built['pairs'])} dated pairs, "
        f"{len(built['sources'])} sources -> {os.path.normpath(TARGET)}"
    )
