"""Response caches keyed by URL, which a caller's credential must not leave.

``requests_cache.install_cache()`` (or a ``CachedSession``, CacheControl's
``CacheControl(session)``) stores each response under its request's method,
URL and body; request headers are not part of the key (requests-cache even
drops ``Authorization`` from it by default). While every caller sent its own
key as ``?hapikey=``, each caller's requests had their own entries. Once the
caller's credential goes in a header, two callers (two tenants, two portals)
asking for the same URL get one cached response: one tenant's data served to
another. A caller's credential in a module whose package uses such a cache
therefore stays manual. One configured key is one portal: a shared cache
changes nothing there.
"""

from __future__ import annotations

import re

from hapimigrate.python.context import ModuleContext
from hapimigrate.tree_imports import package_mentions

REASON = (
    "responses are cached by URL ({}): each caller's key made its own cache "
    "entries, and with the key in a header (not part of the cache's key) "
    "callers would share them, one tenant's data served to another; key the "
    "cache on the credential, then migrate, by hand"
)
_CACHES = rb"\b(?:requests_cache|CachedSession|CacheControl|cachecontrol)\b"
_FOUND = re.compile(_CACHES)


def shared_cache(ctx: ModuleContext) -> str | None:
    """Why callers' credentials cannot move to a header here, if a response
    cache keyed by URL is in use in this module or its package."""
    own = _FOUND.search(ctx.text.encode("utf-8", "replace"))
    if own is not None:
        return REASON.format(f"{own.group().decode()}, line {_line(ctx, own.start())}")
    if package_mentions(ctx.path, _CACHES):
        return REASON.format("another module of the package sets one up")
    return None


def _line(ctx: ModuleContext, offset: int) -> int:
    return ctx.text.encode("utf-8", "replace")[:offset].count(b"\n") + 1
