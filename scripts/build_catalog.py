"""Build hapimigrate/hubspot/data/openapi.json from HubSpot's OpenAPI scope facts,
and developer_operations.json, the few operations that take a developer API key and
no scopes (read for every site the codemod decides, so kept small).

    python scripts/build_catalog.py ../shared/data/hubspot-openapi-scopes.json

Keeps, per operation, only what the lookup needs: method, path template, the scopes
every alternative requires, the scopes of which one is needed, and whether the
operation takes a developer API key. CRM object paths named by type id
(``/crm/v3/objects/0-1``) are also listed under their name (``contacts``), as code
calls them.
"""

from __future__ import annotations

import json
import os
import sys

OBJECT_TYPE_IDS = {
    "0-1": "contacts",
    "0-2": "companies",
    "0-3": "deals",
    "0-5": "tickets",
}
DATA = os.path.join(os.path.dirname(__file__), "..", "hapimigrate", "hubspot", "data")
TARGET = os.path.join(DATA, "openapi.json")
DEVELOPER_TARGET = os.path.join(DATA, "developer_operations.json")


def build(source: str) -> dict:
    with open(source, encoding="utf-8") as handle:
        data = json.load(handle)
    rows = set()
    for op in data["operations"]:
        row = (
            op["method"],
            op["path"],
            tuple(sorted(op.get("scopes_required", ()))),
            tuple(sorted(op.get("scopes_any_of", ()))),
            bool(op.get("developer_hapikey")),
        )
        rows.add(row)
        for type_id, name in OBJECT_TYPE_IDS.items():
            segment = f"/objects/{type_id}"
            if segment + "/" in row[1] + "/":
                rows.add(
                    (row[0], row[1].replace(segment, f"/objects/{name}", 1), *row[2:])
                )
    # scope sets repeat a lot (one any-of set has 100 scopes): list each once
    sets = sorted({r[2] for r in rows} | {r[3] for r in rows})
    number = {s: i for i, s in enumerate(sets)}
    return {
        "source": "HubSpot/HubSpot-public-api-spec-collection@" + data["source_commit"],
        "scope_sets": [list(s) for s in sets],
        "columns": ["method", "path", "scopes (set)", "any_of (set)", "developer_key"],
        "operations": [
            [m, p, number[req], number[any_], dev]
            for m, p, req, any_, dev in sorted(rows)
        ],
    }


def developer_operations(catalog: dict) -> dict:
    sets = catalog["scope_sets"]
    return {
        "about": "Operations HubSpot's OpenAPI descriptions mark as taking a developer "
        "API key and no scopes; built with openapi.json by scripts/build_catalog.py.",
        "operations": sorted(
            [m, p]
            for m, p, req, any_, dev in catalog["operations"]
            if dev and not sets[req] + sets[any_]
        ),
    }


if __name__ == "__main__":
    catalog = build(sys.argv[1])
    developer = developer_operations(catalog)
    with open(DEVELOPER_TARGET, "w", encoding="utf-8") as handle:
        rows = ",\n".join(json.dumps(op) for op in developer["operations"])
        handle.write(f'{{\n"about": {json.dumps(developer["about"])},\n')
        handle.write(f'"operations": [\n{rows}\n]\n}}\n')
    with open(TARGET, "w", encoding="utf-8") as handle:
        handle.write("{\n")
        for key, value in catalog.items():
            if isinstance(value, list):  # one row a line: readable diffs
                rows = ",\n".join(json.dumps(v, separators=(",", ":")) for v in value)
                handle.write(f'"{key}": [\n{rows}\n]')
            else:
                handle.write(f'"{key}": {json.dumps(value)}')
            handle.write(",\n" if key != "operations" else "\n")
        handle.write("}\n")
    print(f"{len(catalog['operations'])} operations -> {os.path.normpath(TARGET)}")
