"""One fixer per family of hapikey use. Each module's docstring shows the code it
finds and what it makes of it; each records sites and edits on a ModuleContext."""

from __future__ import annotations

from hapimigrate.python.context import ModuleContext
from hapimigrate.fixers import params, sdk_clients, url_strings

FIXERS = (url_strings.fix, params.fix, sdk_clients.fix)


def run(ctx: ModuleContext) -> None:
    for fixer in FIXERS:
        fixer(ctx)
