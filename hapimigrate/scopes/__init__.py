"""The scope catalog: which OAuth scopes a HubSpot endpoint needs."""

from __future__ import annotations

from hapimigrate.scopes.catalog import ScopeNeed, is_read, lookup

__all__ = ["ScopeNeed", "is_read", "lookup"]
