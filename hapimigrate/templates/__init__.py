"""Files hapimigrate writes for its users (scaffold)."""

from __future__ import annotations
